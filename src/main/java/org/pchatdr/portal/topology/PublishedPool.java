package org.pchatdr.portal.topology;

/** A pool of a topology's published version: what runs can be requested on. */
public record PublishedPool(long topologyId, String topologyName, int publishedVersion, String pool) {}
