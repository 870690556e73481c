package org.pchatdr.portal.procedure.generators;

import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

/** Contoso with values in places the samples never put them. */
final class Hostile {

    private Hostile() {}

    /** Contoso with the primary instance {@code par-sql-1} renamed and both shares replaced. */
    static Topology contosoWith(String primaryInstanceName, String primaryHost, String share) {
        return Contoso.with(d -> {
            d.instance("par-sql-1").instance = primaryInstanceName;
            d.instance("par-sql-1").host = primaryHost;
            Topology.Mirroring mirroring = d.pool().mirroring;
            d.pool().mirroring = new Topology.Mirroring(mirroring.partnerPort(), mirroring.witnessPort(), share);
            d.pool().logShipping.share = share;
        });
    }
}
