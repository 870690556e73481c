package org.pchatdr.portal.review.api;

import java.util.Locale;
import org.pchatdr.portal.review.EvidencePack;
import org.pchatdr.portal.review.EvidenceService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence packs and the key that checks them (issue 14). Neither answer is JSON, so each handler
 * reads {@code Accept} itself (the API's JSON negotiation leaves such handlers alone).
 */
@RestController
@RequestMapping("/api/v1")
record EvidenceController(EvidenceService evidence) {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    @GetMapping("/runs/{id}/evidence")
    ResponseEntity<byte[]> runEvidence(
            @PathVariable long id, @RequestHeader(value = "Accept", required = false) String accept, Locale locale) {
        return zip(evidence.runPack(id, locale));
    }

    /** A change request's pack (issue 14): its revisions, approvals per round, runs and review. */
    @GetMapping("/change-requests/{id}/evidence")
    ResponseEntity<byte[]> changeEvidence(
            @PathVariable long id, @RequestHeader(value = "Accept", required = false) String accept, Locale locale) {
        return zip(evidence.changePack(id, locale));
    }

    private static ResponseEntity<byte[]> zip(EvidencePack pack) {
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(pack.fileName())
                                .build()
                                .toString())
                .header("X-Manifest-SHA256", pack.manifestSha256())
                .body(pack.zip());
    }

    @GetMapping("/evidence/public-key")
    ResponseEntity<String> publicKey(@RequestHeader(value = "Accept", required = false) String accept) {
        return ResponseEntity.ok().contentType(PEM).body(evidence.publicKeyPem());
    }
}
