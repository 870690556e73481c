package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.INFO;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Contoso.PoolDraft;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.Violation;

class TopologyRulesTest {

    @Test
    void theContosoSampleDrawsNoErrorOnlyItsCapacityTheFileStoreReminderAndItsRpoWarning() {
        for (CheckPhase phase : CheckPhase.values()) {
            List<Violation> found = TopologyRules.check(Contoso.topology(), phase);
            assertThat(found)
                    .extracting(Violation::element)
                    .containsExactly(
                            "pools[pchat.contoso.local].servers",
                            "pools[pchat.contoso.local].fileStore",
                            "pools[pchat.contoso.local].objectives.rpoMinutes");
            assertThat(found.stream().map(violation -> violation.concerning(null)))
                    .as(phase.name())
                    .containsExactly(
                            violation(
                                    "T-13",
                                    INFO,
                                    "pools[0].servers",
                                    "rule.T-13.capacity",
                                    POOL,
                                    "4",
                                    "80000",
                                    "20000",
                                    "80000"),
                            violation(
                                    "T-16",
                                    INFO,
                                    "pools[0].fileStore",
                                    "rule.T-16.file-store-dr-plan",
                                    POOL,
                                    "\\\\fs01.contoso.local\\pchat-files"),
                            // 30 minutes cannot be met by three jobs every 15 minutes.
                            violation(
                                    "T-18",
                                    Severity.WARNING,
                                    "pools[0].objectives.rpoMinutes",
                                    "rule.T-18.rpo-shorter-than-log-shipping",
                                    POOL,
                                    "30",
                                    "45",
                                    "15",
                                    "15",
                                    "15"));
        }
    }

    @Test
    void theDesignCheckReportsT6AsAWarningAndFailbackAsAnError() {
        Topology topology = Contoso.with(d -> d.pool().siteLink = SiteLink.LOW_BANDWIDTH);

        assertThat(TopologyRules.check(topology)).isEqualTo(TopologyRules.check(topology, CheckPhase.DESIGN));
        assertThat(TopologyRules.check(topology))
                .filteredOn(violation -> violation.ruleId().equals("T-6"))
                .extracting(Violation::severity)
                .containsExactly(Severity.WARNING, Severity.WARNING);
        assertThat(TopologyRules.check(topology, CheckPhase.FAILBACK))
                .filteredOn(violation -> violation.ruleId().equals("T-6"))
                .extracting(Violation::severity)
                .containsExactly(Severity.ERROR, Severity.ERROR);
    }

    @Test
    void findingsComeDocumentFirstThenPoolByPoolThenByRuleInTheReferenceOrder() {
        Topology topology = Contoso.with(d -> {
            d.pool().siteLink = SiteLink.LOW_BANDWIDTH;
            d.instance("par-sql-2").port = 5022;
            PoolDraft second = Contoso.draft().pool();
            second.fqdn = "pchat2.contoso.local";
            second.fileStore = null;
            second.mgc().availabilityGroup = "ag-pchat";
            d.pools.add(second);
        });

        assertThat(TopologyRules.check(topology))
                .extracting(violation -> violation.ruleId() + " " + violation.path())
                .containsExactly(
                        "T-11 sqlInstances[1].port",
                        "T-11 sqlInstances[1].port",
                        "T-5 pools[0].servers",
                        "T-6 pools[0].servers[4].active",
                        "T-6 pools[0].servers[5].active",
                        "T-13 pools[0].servers",
                        "T-16 pools[0].fileStore",
                        "T-18 pools[0].objectives.rpoMinutes",
                        "T-12 pools[1].databases[0].availabilityGroup",
                        "T-13 pools[1].servers",
                        "T-16 pools[1].fileStore",
                        "T-18 pools[1].objectives.rpoMinutes");
    }

    @Test
    void pathsAreOrderedByTheirIndexesAsNumbers() {
        Topology topology = Contoso.with(d -> {
            PoolDraft pool = d.pool();
            pool.siteLink = SiteLink.LOW_BANDWIDTH;
            pool.setActive("LYO", false);
            pool.addServer("pc15.contoso.local", "LYO", false);
            pool.addServer("pc16.contoso.local", "LYO", true);
            pool.addServer("pc17.contoso.local", "LYO", true);
            pool.server("pc03.contoso.local").site = "LYO";
            pool.server("pc03.contoso.local").active = true;
        });

        assertThat(TopologyRules.check(topology))
                .filteredOn(violation -> violation.ruleId().equals("T-6"))
                .extracting(Violation::path)
                .containsExactly(
                        "pools[0].servers[2].active", "pools[0].servers[9].active", "pools[0].servers[10].active");
    }

    @Test
    void noTopologyHasNoFindingsAndNoPhaseMeansDesign() {
        Topology topology = Contoso.with(d -> d.pool().siteLink = SiteLink.LOW_BANDWIDTH);

        assertThat(TopologyRules.check(null)).isEmpty();
        assertThat(TopologyRules.check(topology, null)).isEqualTo(TopologyRules.check(topology));
    }
}
