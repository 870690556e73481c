package org.pchatdr.portal.procedure.generators;

import java.util.List;
import org.pchatdr.portal.topology.Topology;

/** Topologies rebuilt record by record, to put values in places the samples never would. */
final class Hostile {

    private Hostile() {}

    static Topology.Pool withPool(Topology.Pool pool, Topology.Database chat) {
        return withPool(pool, chat, pool.mirroring(), pool.logShipping());
    }

    static Topology.Pool withPool(
            Topology.Pool pool,
            Topology.Database chat,
            Topology.Mirroring mirroring,
            Topology.LogShipping logShipping) {
        return new Topology.Pool(
                pool.fqdn(),
                pool.serviceIdentity(),
                pool.activeServersIdentity(),
                pool.primarySite(),
                pool.secondarySite(),
                pool.siteLink(),
                pool.nextHopPool(),
                pool.fileStore(),
                pool.servers(),
                List.of(chat),
                mirroring,
                logShipping,
                pool.objectives());
    }

    /** Contoso with the primary instance {@code par-sql-1} renamed and both shares replaced. */
    static Topology contosoWith(String primaryInstanceName, String primaryHost, String share) {
        Topology contoso = org.pchatdr.portal.topology.TopologySamples.contoso();
        List<Topology.SqlInstance> instances = contoso.sqlInstances().stream()
                .map(instance -> instance.id().equals("par-sql-1")
                        ? new Topology.SqlInstance(
                                instance.id(),
                                primaryHost,
                                primaryInstanceName,
                                instance.port(),
                                instance.site(),
                                instance.version(),
                                instance.edition(),
                                instance.serviceAccount())
                        : instance)
                .toList();
        Topology.Pool pool = contoso.pools().getFirst();
        Topology.Mirroring mirroring = new Topology.Mirroring(
                pool.mirroring().partnerPort(), pool.mirroring().witnessPort(), share);
        Topology.LogShipping ls = pool.logShipping();
        Topology.LogShipping logShipping = new Topology.LogShipping(
                share,
                ls.primaryLocalPath(),
                ls.copyDestination(),
                ls.backupEveryMinutes(),
                ls.copyEveryMinutes(),
                ls.restoreEveryMinutes(),
                ls.restoreDelayMinutes(),
                ls.backupAlertMinutes(),
                ls.restoreAlertMinutes(),
                ls.fileRetentionMinutes(),
                ls.monitor());
        return new Topology(
                contoso.name(),
                contoso.sites(),
                instances,
                List.of(withPool(pool, pool.databases().getFirst(), mirroring, logShipping)));
    }
}
