package org.pchatdr.portal.security;

import java.time.Instant;

/** An API token as its owner sees it: never the token itself, which is shown once at creation. */
public record ApiTokenSummary(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {}
