package org.pchatdr.portal.topology.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.api.ApiError;
import org.pchatdr.portal.base.api.ApiPages;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologySummary;
import org.pchatdr.portal.topology.TopologyVersion;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import and export of topologies in the {@code pchat-dr-topology/1} format. A document that cannot
 * be read as a topology is refused with every structural error (422); one that only breaks rules
 * is stored as a draft and its violations returned. Exports are the stored document itself, with
 * the version number in the {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1/topologies")
class TopologyController {

    /** Bytes: the largest legal topology is about 10 KB; anything near this is not a topology. */
    static final int MAX_BODY_BYTES = 4 * TopologyFormat.MAX_DOCUMENT_CHARS;

    private final TopologyService topologies;
    private final MessageSource messages;

    TopologyController(TopologyService topologies, MessageSource messages) {
        this.topologies = topologies;
        this.messages = messages;
    }

    record ViolationJson(String ruleId, String severity, String path, String message, String element) {}

    record SavedJson(long id, int version, List<ViolationJson> violations) {}

    record PublishedJson(long id, int version, boolean published) {}

    @PostMapping
    ResponseEntity<Object> create(
            HttpServletRequest request, @RequestParam(required = false) String comment, Locale locale)
            throws IOException {
        return switch (TopologyFormat.read(body(request))) {
            case ReadResult.Unreadable unreadable -> unreadable(unreadable, locale);
            case ReadResult.Read read -> {
                TopologyVersion saved = topologies.create(read.topology(), comment);
                yield ResponseEntity.created(URI.create("/api/v1/topologies/" + saved.topologyId()))
                        .body(saved(saved, locale));
            }
        };
    }

    /** A new version from a full document; {@code If-Match: "<version>"} refuses it when stale. */
    @PutMapping("/{id}")
    ResponseEntity<Object> update(
            @PathVariable long id,
            HttpServletRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) String comment,
            Locale locale)
            throws IOException {
        return switch (TopologyFormat.read(body(request))) {
            case ReadResult.Unreadable unreadable -> unreadable(unreadable, locale);
            case ReadResult.Read read -> {
                int basedOn = ifMatch == null ? topologies.summary(id).latestVersion() : version(ifMatch);
                yield ResponseEntity.ok(saved(topologies.saveVersion(id, basedOn, read.topology(), comment), locale));
            }
        };
    }

    @GetMapping
    List<TopologySummary> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return topologies.list(ApiPages.of(page, size, 500)).getContent();
    }

    @GetMapping("/{id}")
    ResponseEntity<String> latest(@PathVariable long id) {
        return document(topologies.latest(id));
    }

    @GetMapping("/{id}/versions/{number}")
    ResponseEntity<String> version(@PathVariable long id, @PathVariable int number) {
        return document(topologies.version(id, number));
    }

    @GetMapping("/{id}/published")
    ResponseEntity<String> published(@PathVariable long id) {
        return document(topologies.published(id));
    }

    @PostMapping("/{id}/versions/{number}/publish")
    PublishedJson publish(@PathVariable long id, @PathVariable int number) {
        TopologyVersion published = topologies.publish(id, number);
        return new PublishedJson(published.topologyId(), published.number(), true);
    }

    private SavedJson saved(TopologyVersion version, Locale locale) {
        return new SavedJson(
                version.topologyId(),
                version.number(),
                version.violations().stream()
                        .map(violation -> new ViolationJson(
                                violation.ruleId(),
                                violation.severity().name(),
                                violation.path(),
                                messages.getMessage(
                                        violation.messageKey(),
                                        violation.arguments().toArray(),
                                        locale),
                                violation.element()))
                        .toList());
    }

    private ResponseEntity<Object> unreadable(ReadResult.Unreadable unreadable, Locale locale) {
        List<ApiError.Detail> details = unreadable.errors().stream()
                .map(error -> new ApiError.Detail(
                        error.path(),
                        messages.getMessage(
                                error.messageKey(), error.arguments().toArray(), locale)))
                .toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new ApiError(
                        "invalid_topology",
                        messages.getMessage("error.invalid_topology", new Object[] {details.size()}, locale),
                        details));
    }

    private static ResponseEntity<String> document(TopologyVersion version) {
        return ResponseEntity.ok()
                .eTag("\"" + version.number() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(version.document());
    }

    private static int version(String ifMatch) {
        try {
            return Integer.parseInt(ifMatch.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new PortalException(Kind.INVALID, "if_match_invalid");
        }
    }

    /** The request body as text, refused before it is read when it is far too large to be a topology. */
    private static String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new PortalException(Kind.TOO_LARGE, "document_too_large", MAX_BODY_BYTES / 1024);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new PortalException(Kind.TOO_LARGE, "document_too_large", MAX_BODY_BYTES / 1024);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
