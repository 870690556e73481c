package org.pchatdr.portal.topology;

import java.time.Instant;

/** One saved version: who, when, why, and what changed against the version before. */
public record VersionSummary(
        int number,
        String author,
        Instant createdAt,
        String comment,
        String changes,
        String sha256,
        boolean published) {}
