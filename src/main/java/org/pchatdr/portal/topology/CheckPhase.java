package org.pchatdr.portal.topology;

/** When the topology is checked; only rule T-6 depends on it. */
public enum CheckPhase {
    /** Designing or reviewing the topology (normal operation): T-6 findings are warnings. */
    DESIGN,
    /** About to fail over to the secondary site: the backup database is live, T-6 is an error. */
    FAILOVER,
    /** About to fail back to the primary site: the primary database is live, T-6 is an error. */
    FAILBACK
}
