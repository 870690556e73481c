package org.pchatdr.portal.base.ui;

import com.vaadin.flow.router.QueryParameters;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.function.Function;

/** Values of a page's address as views read them: one per name, stripped, empty meaning absent. */
public final class QueryValues {

    private QueryValues() {}

    public static Optional<String> value(QueryParameters parameters, String name) {
        return parameters.getSingleParameter(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    /**
     * The value of {@code name} as {@code parser} reads it ({@code Long::valueOf}, {@code
     * LocalDate::parse}, an enum's {@code valueOf} …); empty when absent, and when the parser refuses
     * it: an address that makes no sense is read as one without that value.
     */
    public static <T> Optional<T> value(QueryParameters parameters, String name, Function<String, T> parser) {
        return value(parameters, name).flatMap(text -> {
            try {
                return Optional.ofNullable(parser.apply(text));
            } catch (IllegalArgumentException | DateTimeException e) {
                return Optional.empty();
            }
        });
    }
}
