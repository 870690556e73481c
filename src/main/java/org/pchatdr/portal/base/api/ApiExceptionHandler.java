package org.pchatdr.portal.base.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.pchatdr.portal.base.DatabaseWritability;
import org.pchatdr.portal.base.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure of a REST call into a JSON {@link ApiError}; never a stack trace. The content
 * type is set explicitly, so that a client that accepts only another type (Markdown) still gets the
 * error rather than an empty 406.
 */
@RestControllerAdvice(basePackages = "org.pchatdr.portal")
record ApiExceptionHandler(ApiErrors errors, MessageSource messages, DatabaseWritability database) {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

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

    // The refusals that take no more than a status and a translated code, each by the exception that
    // says so (Spring picks the closest type). The media type ones are decided before the handler runs
    // (JsonNegotiation), so nothing was changed.

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
    ResponseEntity<ApiError> unsupportedMediaType(Locale locale) {
        return json(HttpStatus.UNSUPPORTED_MEDIA_TYPE, errors.error("unsupported_media_type", locale));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(Locale locale) {
        return json(HttpStatus.NOT_ACCEPTABLE, errors.error("not_acceptable", locale));
    }

    /**
     * A path segment that is not a number of the right size names nothing (404); a query parameter
     * that cannot be converted is a bad request (400). One line in the log, the value escaped: the
     * fuzzers' input is not worth a stack trace.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request, Locale locale) {
        boolean inPath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        log.info(
                "Refused {} {}: {} {}={} is not of type {}",
                request.getMethod(),
                LogValues.escape(request.getRequestURI()),
                inPath ? "path variable" : "parameter",
                e.getName(),
                LogValues.escape(String.valueOf(e.getValue())),
                e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return inPath
                ? json(HttpStatus.NOT_FOUND, errors.error("not_found", locale))
                : json(HttpStatus.BAD_REQUEST, errors.error("bad_parameter", locale, e.getName()));
    }

    /**
     * A query parameter of a filter bound as a whole (a record such as the audit trail's query) that
     * cannot be converted: a bad request, named as {@link #mismatch} names a single parameter.
     */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> unbound(BindException e, HttpServletRequest request, Locale locale) {
        FieldError field = e.getFieldError();
        String name = field == null ? e.getObjectName() : field.getField();
        Class<?> type = field == null ? null : e.getFieldType(name);
        log.info(
                "Refused {} {}: parameter {}={} is not of type {}",
                request.getMethod(),
                LogValues.escape(request.getRequestURI()),
                name,
                LogValues.escape(String.valueOf(field == null ? null : field.getRejectedValue())),
                type == null ? "value" : type.getSimpleName());
        return json(HttpStatus.BAD_REQUEST, errors.error("bad_parameter", locale, name));
    }

    /** A query parameter that is not valid UTF-8: Tomcat ignores it and says so here. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> badEncoding(HttpServletRequest request, Locale locale) {
        log.info(
                "Refused {} {}: a parameter is not valid UTF-8",
                request.getMethod(),
                LogValues.escape(request.getRequestURI()));
        return json(HttpStatus.BAD_REQUEST, errors.error("bad_request", locale));
    }

    /**
     * Fail closed: when the database refuses writes, the change did not happen and the client is
     * told why (503); any other database failure is a fault of the portal (500).
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ApiError> database(Exception e, HttpServletRequest request, Locale locale) {
        if (!database.canWrite()) {
            log.warn(
                    "Refused {} {}: the database refuses writes",
                    request.getMethod(),
                    LogValues.escape(request.getRequestURI()));
            return json(HttpStatus.SERVICE_UNAVAILABLE, errors.error("database_unavailable", locale));
        }
        return unexpected(e, request, locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request, Locale locale) {
        log.error("REST call {} {} failed", request.getMethod(), LogValues.escape(request.getRequestURI()), e);
        return json(HttpStatus.INTERNAL_SERVER_ERROR, errors.error("internal", locale));
    }

    private static ResponseEntity<ApiError> json(HttpStatus status, ApiError error) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(error);
    }
}
