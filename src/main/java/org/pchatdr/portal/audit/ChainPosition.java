package org.pchatdr.portal.audit;

/** The head of the audit chain: the last record's sequence number and hash. */
public record ChainPosition(long seq, String hash) {}
