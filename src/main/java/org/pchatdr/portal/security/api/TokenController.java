package org.pchatdr.portal.security.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.security.ApiTokenService;
import org.pchatdr.portal.security.ApiTokenSummary;
import org.pchatdr.portal.security.CreatedApiToken;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens (issue 11); the rules are in {@link ApiTokenService}. */
@RestController
@RequestMapping("/api/v1/me/tokens")
record TokenController(ApiTokenService tokens) {

    record CreateJson(String name, Instant expiresAt) {}

    /** The token itself appears here and nowhere else, ever. */
    record CreatedJson(long id, String name, Instant createdAt, Instant expiresAt, String token) {}

    @PostMapping
    ResponseEntity<CreatedJson> create(@RequestBody CreateJson body) {
        CreatedApiToken created = tokens.create(body.name(), body.expiresAt());
        ApiTokenSummary summary = created.summary();
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + summary.id()))
                .body(new CreatedJson(
                        summary.id(), summary.name(), summary.createdAt(), summary.expiresAt(), created.token()));
    }

    @GetMapping
    List<ApiTokenSummary> list() {
        return tokens.list();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
