package org.pchatdr.portal.topology;

import java.time.Instant;

/** A topology as the list shows it. {@code publishedVersion} is {@code null} until one is published. */
public record TopologySummary(
        long id, String name, int latestVersion, Integer publishedVersion, Instant createdAt, String createdBy) {}
