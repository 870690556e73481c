package org.pchatdr.portal.base.api;

import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.base.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure of a REST call into a JSON {@link ApiError}; never a stack trace. The content
 * type is set explicitly, so that a client that accepts only another type (Markdown) still gets the
 * error rather than an empty 406.
 */
@RestControllerAdvice(basePackages = "org.pchatdr.portal")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiErrors errors;
    private final MessageSource messages;

    ApiExceptionHandler(ApiErrors errors, MessageSource messages) {
        this.errors = errors;
        this.messages = messages;
    }

    @ExceptionHandler(PortalException.class)
    ResponseEntity<ApiError> refused(PortalException e, Locale locale) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
        return json(
                status, new ApiError(e.code(), messages.getMessage(e.messageKey(), e.arguments(), locale), List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(Locale locale) {
        return json(HttpStatus.FORBIDDEN, errors.error("forbidden", locale));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ApiError> stale(Locale locale) {
        return json(HttpStatus.CONFLICT, errors.error("stale", locale));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(Locale locale) {
        return json(HttpStatus.UNPROCESSABLE_CONTENT, errors.error("unreadable", locale));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> wrongMediaType(Locale locale) {
        return json(HttpStatus.UNSUPPORTED_MEDIA_TYPE, errors.error("unsupported_media_type", locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, Locale locale) {
        log.error("REST call failed", e);
        return json(HttpStatus.INTERNAL_SERVER_ERROR, errors.error("internal", locale));
    }

    private static ResponseEntity<ApiError> json(HttpStatus status, ApiError error) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(error);
    }
}
