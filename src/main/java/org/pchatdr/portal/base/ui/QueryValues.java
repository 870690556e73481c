package org.pchatdr.portal.base.ui;

import com.vaadin.flow.router.QueryParameters;
import java.util.Optional;

/** Values of a page's address as views read them: one per name, stripped, empty meaning absent. */
public final class QueryValues {

    private QueryValues() {}

    public static Optional<String> value(QueryParameters parameters, String name) {
        return parameters.getSingleParameter(name).map(String::strip).filter(value -> !value.isEmpty());
    }
}
