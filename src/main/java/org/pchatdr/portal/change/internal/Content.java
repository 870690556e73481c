package org.pchatdr.portal.change.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.base.Sha256;

/**
 * What approvers approve: the proposed topology version (by its hash), the plans, the window and
 * the pools. Title and justification are description, outside the hash: editing them voids no
 * approval.
 */
public record Content(
        int topologyVersion,
        String topologySha256,
        String implementationPlan,
        String backoutPlan,
        String testPlan,
        Instant windowStart,
        Instant windowEnd,
        String timeZone,
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
