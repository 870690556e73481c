package org.pchatdr.portal.audit;

import java.time.Instant;

/**
 * The latest check of the hash chain, as the trail recorded it: who ran it, when, whether the chain
 * was intact, and the recorded details (the number of records, or where it broke).
 */
public record LastVerification(String actor, Instant at, boolean intact, String details) {}
