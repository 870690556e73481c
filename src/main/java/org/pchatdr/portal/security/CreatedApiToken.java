package org.pchatdr.portal.security;

/** A token just created: {@code token} is the only time the secret is ever shown. */
public record CreatedApiToken(ApiTokenSummary summary, String token) {}
