package org.pchatdr.portal.procedure.api;

import java.util.Locale;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureJson;
import org.pchatdr.portal.procedure.ProcedureMarkdown;
import org.pchatdr.portal.procedure.ProcedureService;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One procedure of a pool as JSON, or with {@code Accept: text/markdown} as the printable binder
 * page. The representation is chosen here rather than by {@code produces}, so that a refusal is
 * still the JSON {@code ApiError} whatever the client accepts.
 */
@RestController
@RequestMapping("/api/v1/topologies/{id}/pools/{poolFqdn}/procedures")
class ProcedureController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);

    private final ProcedureService procedures;

    ProcedureController(ProcedureService procedures) {
        this.procedures = procedures;
    }

    @GetMapping("/{name}")
    ResponseEntity<String> procedure(
            @PathVariable long id,
            @PathVariable String poolFqdn,
            @PathVariable String name,
            @RequestParam(required = false) String variant,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = "Accept", required = false) String accept,
            Locale requestLocale) {
        Locale locale = locale(lang, requestLocale);
        Procedure procedure = procedures.generate(id, poolFqdn, name, variant, version, locale);
        if (wantsMarkdown(accept)) {
            return ResponseEntity.ok()
                    .contentType(MARKDOWN)
                    .body(ProcedureMarkdown.write(procedure, ProcedureTexts.of(locale)));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ProcedureJson.write(procedure));
    }

    /** {@code lang} wins over {@code Accept-Language}; only English and French exist. */
    private static Locale locale(String lang, Locale requestLocale) {
        if (lang == null || lang.isBlank()) {
            return requestLocale != null && requestLocale.getLanguage().equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
        }
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "fr" -> Locale.FRENCH;
            default -> throw new PortalException(Kind.INVALID, "procedure_language_unknown", lang);
        };
    }

    private static boolean wantsMarkdown(String accept) {
        if (accept == null) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.getType().equals("text") && type.getSubtype().equals("markdown")) {
                return true;
            }
            if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
