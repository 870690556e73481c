package org.pchatdr.portal.review;

/** A generated evidence pack: the ZIP's bytes, its file name, and the SHA-256 of its manifest. */
public record EvidencePack(String fileName, byte[] zip, String manifestSha256) {}
