package org.pchatdr.portal.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds translated {@link ApiError}s, for controllers and for the security filters that answer
 * before any controller runs (401, 403).
 */
@Component
public record ApiErrors(MessageSource messages, JsonMapper json) {

    public ApiError error(String code, Locale locale, Object... arguments) {
        return new ApiError(code, messages.getMessage("error." + code, arguments, locale), List.of());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error(code, request.getLocale()));
    }
}
