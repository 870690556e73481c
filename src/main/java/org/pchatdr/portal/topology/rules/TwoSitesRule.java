package org.pchatdr.portal.topology.rules;

import java.util.List;
import java.util.Objects;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Violation;

/**
 * T-3: a stretched pool spans exactly two sites and has servers in both. Read as: primarySite and
 * secondarySite are set, name defined sites and differ; each has at least one server; no server sits
 * in a third site (judged only once the two sites are settled). A server without a site is left to
 * the importer.
 */
final class TwoSitesRule extends PoolRule {

    static final Message PRIMARY_SITE_MISSING = new Message("rule.T-3.primary-site-missing", 1);
    static final Message SECONDARY_SITE_MISSING = new Message("rule.T-3.secondary-site-missing", 1);
    static final Message UNKNOWN_SITE = new Message("rule.T-3.unknown-site", 2);
    static final Message SAME_SITE = new Message("rule.T-3.same-site", 2);
    static final Message NO_SERVER_IN_SITE = new Message("rule.T-3.no-server-in-site", 2);
    static final Message SERVER_OUTSIDE_SITES = new Message("rule.T-3.server-outside-sites", 5);

    TwoSitesRule() {
        super(
                "T-3",
                PRIMARY_SITE_MISSING,
                SECONDARY_SITE_MISSING,
                UNKNOWN_SITE,
                SAME_SITE,
                NO_SERVER_IN_SITE,
                SERVER_OUTSIDE_SITES);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        Pool p = pool.pool();
        boolean primaryOk = siteIsUsable(pool, p.primarySite(), "primarySite", PRIMARY_SITE_MISSING, violations);
        boolean secondaryOk =
                siteIsUsable(pool, p.secondarySite(), "secondarySite", SECONDARY_SITE_MISSING, violations);
        if (primaryOk && secondaryOk && p.primarySite().equals(p.secondarySite())) {
            violations.add(SAME_SITE.at(Severity.ERROR, pool.path("secondarySite"), pool.name(), p.primarySite()));
            secondaryOk = false;
        }
        if (primaryOk) {
            requireServerIn(pool, p.primarySite(), violations);
        }
        if (secondaryOk) {
            requireServerIn(pool, p.secondarySite(), violations);
        }
        if (!primaryOk || !secondaryOk) {
            return; // which sites the pool spans is not settled yet: servers cannot be judged
        }
        for (int index = 0; index < pool.servers().size(); index++) {
            String site = pool.servers().get(index).site();
            if (!Texts.isBlank(site) && !site.equals(p.primarySite()) && !site.equals(p.secondarySite())) {
                violations.add(SERVER_OUTSIDE_SITES.at(
                        Severity.ERROR,
                        pool.serverPath(index, "site"),
                        pool.serverName(index),
                        site,
                        pool.name(),
                        p.primarySite(),
                        p.secondarySite()));
            }
        }
    }

    private static boolean siteIsUsable(
            PoolContext pool, String site, String field, Message missing, List<Violation> violations) {
        if (Texts.isBlank(site)) {
            violations.add(missing.at(Severity.ERROR, pool.path(field), pool.name()));
            return false;
        }
        if (pool.site(site).isEmpty()) {
            violations.add(UNKNOWN_SITE.at(Severity.ERROR, pool.path(field), pool.name(), site));
            return false;
        }
        return true;
    }

    private static void requireServerIn(PoolContext pool, String site, List<Violation> violations) {
        if (pool.servers().stream().map(Server::site).noneMatch(s -> Objects.equals(s, site))) {
            violations.add(NO_SERVER_IN_SITE.at(Severity.ERROR, pool.path("servers"), pool.name(), site));
        }
    }
}
