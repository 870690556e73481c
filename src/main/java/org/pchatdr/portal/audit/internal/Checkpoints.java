package org.pchatdr.portal.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pchatdr.portal.audit.ChainPosition;
import org.pchatdr.portal.audit.EvidenceKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the chain head, written outside the database (issue 14): {@code
 * checkpoint-<seq>.json} with the sequence, hash and time, and {@code checkpoint-<seq>.sig}, its
 * Ed25519 signature by the evidence key, so that openssl checks one as it checks an evidence pack.
 * Someone who can rewrite the database cannot take back what a checkpoint already vouched for.
 */
@Component
public record Checkpoints(
        @Value("${portal.audit.checkpoint-dir}") Path folder, EvidenceKey key) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A checkpoint as read back: what it vouches for, and whether its signature holds. */
    public record Checkpoint(long seq, String hash, Instant at, boolean signed, Path file) {}

    public Path folder() {
        return folder;
    }

    /** Writes a checkpoint of {@code head}; writing the same head again changes nothing. */
    public Path write(ChainPosition head, Instant at) {
        try {
            Files.createDirectories(folder);
            Path json = folder.resolve("checkpoint-" + head.seq() + ".json");
            if (Files.exists(json)) {
                return json;
            }
            var content = new java.util.LinkedHashMap<String, Object>();
            content.put("format", "pchat-dr-audit-checkpoint/1");
            content.put("seq", head.seq());
            content.put("hash", head.hash());
            content.put("at", at.toString());
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
            Path signature = folder.resolve("checkpoint-" + head.seq() + ".sig");
            Files.write(signature, key.sign(bytes));
            Files.write(json, bytes);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an audit checkpoint to " + folder, e);
        }
    }

    /** Every checkpoint in the folder, oldest first. */
    public List<Checkpoint> read() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Checkpoint> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path json : files.filter(file -> file.getFileName().toString().matches("checkpoint-\\d+\\.json"))
                    .toList()) {
                byte[] bytes = Files.readAllBytes(json);
                Path sig = json.resolveSibling(json.getFileName().toString().replace(".json", ".sig"));
                boolean signed = Files.exists(sig) && key.verify(bytes, Files.readAllBytes(sig));
                JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
                found.add(new Checkpoint(
                        node.get("seq").asLong(),
                        node.get("hash").asString(),
                        Instant.parse(node.get("at").asString()),
                        signed,
                        json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints in " + folder, e);
        }
        found.sort(java.util.Comparator.comparingLong(Checkpoint::seq));
        return found;
    }
}
