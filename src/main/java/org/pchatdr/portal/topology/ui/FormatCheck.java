package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.binder.ValueContext;
import java.util.Optional;
import org.pchatdr.portal.topology.TopologyValues;
import org.pchatdr.portal.topology.TopologyValues.Kind;

/**
 * The importer's own rule for one kind of value, as a field validator with its message in the
 * reader's language: the editor and the new-pool wizard refuse exactly what an import would.
 */
record FormatCheck(Kind kind) implements Validator<String> {

    @Override
    public ValidationResult apply(String value, ValueContext context) {
        return TopologyValues.problem(kind, value)
                .map(problem -> ValidationResult.error(context.getComponent()
                        .map(field -> field.getTranslation(
                                problem.messageKey(), problem.arguments().toArray()))
                        .orElse(problem.messageKey())))
                .orElse(ValidationResult.ok());
    }

    /** What is wrong with {@code value}, said in {@code field}'s language; empty when it is fine. */
    static Optional<String> problem(Component field, Kind kind, String value) {
        return TopologyValues.problem(kind, value)
                .map(problem -> field.getTranslation(
                        problem.messageKey(), problem.arguments().toArray()));
    }
}
