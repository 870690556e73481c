package org.pchatdr.portal.audit;

import java.time.Instant;
import org.pchatdr.portal.base.AuditMessage;

/**
 * The latest check of the hash chain, as the trail recorded it: who ran it, when, whether the chain
 * was intact, and the recorded details (the number of records, or where it broke), with their
 * message to show them in the reader's language ({@code null} for checks recorded before issue 12).
 */
public record LastVerification(String actor, Instant at, boolean intact, String details, AuditMessage message) {}
