package org.pchatdr.portal.base.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every REST error: a stable code and a message for people; when a document was
 * refused, {@code errors} lists every problem found in it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, List<Detail> errors) {

    public ApiError {
        errors = List.copyOf(errors);
    }

    /** One problem of a refused document: where, and what. */
    public record Detail(String path, String message) {}
}
