package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.base.Sha256;
import org.pchatdr.portal.base.TextLines;

/**
 * What approvers approve: the proposed topology version (by its hash), the plans, the window and
 * the pools. Title and justification are description, outside the hash: editing them voids no
 * approval. Part of a {@link ChangeRevision}'s row.
 */
@Embeddable
public record Content(
        @Column(name = "topology_version", nullable = false) int topologyVersion,

        @Column(name = "topology_sha256", nullable = false, length = 64)
        String topologySha256,

        @Column(name = "implementation_plan", columnDefinition = "NVARCHAR(MAX)")
        String implementationPlan,

        @Column(name = "backout_plan", columnDefinition = "NVARCHAR(MAX)")
        String backoutPlan,

        @Column(name = "test_plan", columnDefinition = "NVARCHAR(MAX)")
        String testPlan,

        @Column(name = "window_start", nullable = false) Instant windowStart,
        @Column(name = "window_end", nullable = false) Instant windowEnd,

        @Column(name = "time_zone", nullable = false, length = 64)
        String timeZone,

        @Convert(converter = TextLines.class)
        @Column(name = "pools", nullable = false, columnDefinition = "NVARCHAR(MAX)")
        List<String> pools) {

    public Content {
        pools = List.copyOf(pools);
    }

    /**
     * Lower-case hex SHA-256 over every field, each prefixed with its length, so that no two
     * different contents hash alike by shifting text from one field into the next. The version
     * number is left out: the topology's own hash names its content.
     */
    public String hash() {
        MessageDigest sha256 = Sha256.digest();
        for (String field : List.of(
                topologySha256,
                text(implementationPlan),
                text(backoutPlan),
                text(testPlan),
                windowStart.toString(),
                windowEnd.toString(),
                timeZone,
                String.join("\n", pools))) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
        }
        return Sha256.hex(sha256.digest());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
