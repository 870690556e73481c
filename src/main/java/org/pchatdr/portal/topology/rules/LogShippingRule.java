package org.pchatdr.portal.topology.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.LogShipping;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.UncPaths;
import org.pchatdr.portal.topology.Violation;

/**
 * T-15: log shipping is configured, its share is a UNC path ({@code \\host\share…}) and a copy
 * destination is set: errors otherwise. Reachability cannot be judged from the document. A copy
 * destination given as a UNC path on a host other than a database's backup server is a warning: the
 * copy job runs on the backup and the reference puts the folder there (a local path is taken to be
 * on it). A share on the host of a database's primary is a warning (C-10): SQL Server recommends the
 * backup share on another host, and log shipping from the mirror stops exactly when the primary's
 * host is lost.
 */
final class LogShippingRule extends PoolRule {

    static final Message MISSING = new Message("rule.T-15.missing", 1);
    static final Message SHARE_MISSING = new Message("rule.T-15.share-missing", 1);
    static final Message SHARE_NOT_UNC = new Message("rule.T-15.share-not-unc", 2);
    static final Message COPY_DESTINATION_MISSING = new Message("rule.T-15.copy-destination-missing", 1);
    static final Message COPY_DESTINATION_ELSEWHERE = new Message("rule.T-15.copy-destination-elsewhere", 5);
    static final Message SHARE_ON_PRIMARY = new Message("rule.T-15.share-on-primary", 4);

    LogShippingRule() {
        super(
                "T-15",
                MISSING,
                SHARE_MISSING,
                SHARE_NOT_UNC,
                COPY_DESTINATION_MISSING,
                COPY_DESTINATION_ELSEWHERE,
                SHARE_ON_PRIMARY);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        LogShipping logShipping = pool.pool().logShipping();
        if (logShipping == null) {
            violations.add(MISSING.at(Severity.ERROR, pool.path("logShipping"), pool.name()));
            return;
        }
        if (Texts.isBlank(logShipping.share())) {
            violations.add(SHARE_MISSING.at(Severity.ERROR, pool.path("logShipping.share"), pool.name()));
        } else if (!Texts.isUnc(logShipping.share())) {
            violations.add(
                    SHARE_NOT_UNC.at(Severity.ERROR, pool.path("logShipping.share"), pool.name(), logShipping.share()));
        } else {
            shareOnPrimary(pool, logShipping.share(), violations);
        }
        String destination = logShipping.copyDestination();
        if (Texts.isBlank(destination)) {
            violations.add(
                    COPY_DESTINATION_MISSING.at(Severity.ERROR, pool.path("logShipping.copyDestination"), pool.name()));
            return;
        }
        Optional<String> host = Texts.uncHost(destination);
        if (host.isEmpty()) {
            return;
        }
        Set<String> reportedHosts = new HashSet<>();
        for (int index = 0; index < pool.databases().size(); index++) {
            Optional<SqlInstance> backup =
                    pool.instance(CopyRole.BACKUP.instanceId(pool.databases().get(index)));
            if (backup.isPresent()
                    && !Texts.isBlank(backup.get().host())
                    && !Texts.sameHost(host.get(), backup.get().host())
                    && reportedHosts.add(backup.get().host().toLowerCase(Locale.ROOT))) {
                violations.add(COPY_DESTINATION_ELSEWHERE.at(
                        Severity.WARNING,
                        pool.path("logShipping.copyDestination"),
                        destination,
                        host.get(),
                        pool.databaseName(index),
                        backup.get().id(),
                        backup.get().host()));
            }
        }
    }

    private static void shareOnPrimary(PoolContext pool, String share, List<Violation> violations) {
        Set<String> reportedHosts = new HashSet<>();
        for (int index = 0; index < pool.databases().size(); index++) {
            Optional<SqlInstance> primary =
                    pool.instance(CopyRole.PRIMARY.instanceId(pool.databases().get(index)));
            if (primary.isPresent()
                    && UncPaths.isOn(share, primary.get().host())
                    && reportedHosts.add(primary.get().host().toLowerCase(Locale.ROOT))) {
                violations.add(SHARE_ON_PRIMARY.at(
                        Severity.WARNING,
                        pool.path("logShipping.share"),
                        share,
                        primary.get().host(),
                        pool.databaseName(index),
                        primary.get().id()));
            }
        }
    }
}
