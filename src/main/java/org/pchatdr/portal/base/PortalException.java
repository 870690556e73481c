package org.pchatdr.portal.base;

import java.util.Arrays;

/**
 * A refusal the user can understand and act on. The message is a translation key
 * ({@code error.<code>}) with arguments, translated by the UI for the user's language and by the
 * REST API for the request's {@code Accept-Language}.
 */
public class PortalException extends RuntimeException {

    /** What kind of refusal it is; the REST API maps it to an HTTP status. */
    public enum Kind {
        INVALID,
        CONFLICT,
        NOT_FOUND,
        FORBIDDEN,
        TOO_LARGE
    }

    private final Kind kind;
    private final String code;
    private final transient Object[] arguments;

    public PortalException(Kind kind, String code, Object... arguments) {
        super(code + Arrays.toString(arguments));
        this.kind = kind;
        this.code = code;
        this.arguments = arguments.clone();
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, lower-case code such as {@code username_taken}; the JSON {@code error} field. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return "error." + code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
