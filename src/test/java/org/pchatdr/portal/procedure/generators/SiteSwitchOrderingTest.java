package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.Violation;

/** The order Microsoft documents, whatever the topology: the steps that must not be swapped. */
class SiteSwitchOrderingTest {

    private static Procedure failover(String sample, String variant) {
        return DrProcedures.english(new SiteFailover(), TopologySamples.topology(sample), variant);
    }

    private static Procedure failback(String sample) {
        return DrProcedures.english(new SiteFailback(), TopologySamples.topology(sample), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void nothingIsRecoveredBeforeTheLastLogIsRestored(String variant) {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failover(sample, variant);
            assertThat(DrProcedures.firstStepWith(procedure, "WITH RECOVERY"))
                    .as(sample)
                    .isGreaterThan(DrProcedures.lastStepWith(procedure, "RESTORE LOG"));
            assertThat(procedure.steps().stream()
                            .filter(step ->
                                    step.script() != null && step.script().contains("RESTORE LOG"))
                            .map(Procedure.Step::script))
                    .allSatisfy(script -> assertThat(script).contains("WITH NORECOVERY"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void thePoolStateChangesOnlyAfterTheDatabaseIsOnline(String variant) {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failover(sample, variant);
            assertThat(DrProcedures.firstStepWith(procedure, "-PoolState FailedOver"))
                    .as(sample)
                    .isGreaterThan(DrProcedures.lastStepWith(procedure, "WITH RECOVERY"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void activeServersChangeAfterThePoolStateAtFailover(String variant) {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failover(sample, variant);
            assertThat(DrProcedures.firstStepWith(procedure, "Set-CsPersistentChatActiveServer"))
                    .as(sample)
                    .isGreaterThan(DrProcedures.firstStepWith(procedure, "-PoolState FailedOver"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void failoverFollowsMicrosoftsStepsInOrder(String variant) {
        for (String sample : TopologySamples.NAMES) {
            List<String> ids = DrProcedures.ruleIds(failover(sample, variant)).stream()
                    .filter(id -> id.startsWith("F-") && !id.equals("F-0"))
                    .toList();
            assertThat(ids).as(sample).containsExactly("F-1", "F-2", "F-3", "F-4", "F-5", "F-6", "F-7");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void complianceOutputIsSecuredFirstWhenComplianceIsOn(String variant) {
        List<String> ids = DrProcedures.ruleIds(failover(TopologySamples.NORTHWIND, variant));
        assertThat(ids.indexOf("F-0")).isLessThan(ids.indexOf("F-1")).isNotNegative();
        assertThat(DrProcedures.ruleIds(failover(TopologySamples.CONTOSO, variant)))
                .doesNotContain("F-0");
        assertThat(failover(TopologySamples.CONTOSO, variant).steps())
                .noneMatch(step -> step.script() != null && step.script().contains("mgccomp"));
    }

    @org.junit.jupiter.api.Test
    void thePlannedVariantTakesTheTailLogBackupFirst() {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failover(sample, "planned");
            Procedure.Step first = procedure.steps().getFirst();
            assertThat(first.script())
                    .as(sample)
                    .contains("BACKUP LOG [mgc] TO DISK = N'")
                    .endsWith(" WITH NORECOVERY;");
            assertThat(first.target().site())
                    .isEqualTo(
                            TopologySamples.topology(sample).pools().getFirst().primarySite());
            assertThat(failover(sample, "unplanned").steps())
                    .noneMatch(step -> step.script() != null && step.script().contains("BACKUP LOG"));
        }
    }

    @org.junit.jupiter.api.Test
    void failbackActivatesServersBeforeThePoolReturnsToNormal() {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failback(sample);
            assertThat(DrProcedures.ruleIds(procedure).stream().distinct().toList())
                    .as(sample)
                    .containsExactly("B-1", "B-2", "B-3", "B-4", "B-5", "B-6", "B-7");
            int activate = DrProcedures.firstStepWith(procedure, "-ActiveServers @{Add=");
            assertThat(activate).isLessThan(DrProcedures.firstStepWith(procedure, "-PoolState Normal"));
            assertThat(DrProcedures.firstStepWith(procedure, "-ActiveServers $null"))
                    .isLessThan(DrProcedures.firstStepWith(procedure, "BACKUP DATABASE"));
            assertThat(DrProcedures.firstStepWith(procedure, "WITH REPLACE, RECOVERY"))
                    .isGreaterThan(DrProcedures.firstStepWith(procedure, "BACKUP DATABASE"));
        }
    }

    @org.junit.jupiter.api.Test
    void theBackupIsReseededAfterThePrimaryIsMirroredAndTheStepsSaySoAsAPortalAddition() {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failback(sample);
            assertThat(DrProcedures.firstStepWith(procedure, "WITH REPLACE, NORECOVERY"))
                    .as(sample)
                    .isGreaterThan(DrProcedures.lastStepWith(procedure, "Install-CsMirrorDatabase"));
            assertThat(procedure.steps().stream().filter(step -> step.ruleId().equals("B-5")))
                    .allSatisfy(step -> assertThat(step.warnings())
                            .anySatisfy(note -> assertThat(note.message()).startsWith("Portal addition")));
        }
    }

    /** The servers F-7 and B-6 leave active satisfy T-6 (and T-1) in the phase they are made for. */
    @org.junit.jupiter.api.Test
    void theActiveServersChosenSatisfyTheRulesOfTheirPhase() {
        for (String sample : TopologySamples.NAMES) {
            Topology topology = TopologySamples.topology(sample);
            Topology.Pool pool = topology.pools().getFirst();
            assertThat(violations(
                            withActive(topology, SiteSwitch.activeIn(pool, pool.secondarySite())),
                            TopologyRules.Phase.FAILOVER))
                    .as(sample)
                    .isEmpty();
            assertThat(violations(
                            withActive(topology, SiteSwitch.activeIn(pool, pool.primarySite())),
                            TopologyRules.Phase.FAILBACK))
                    .as(sample)
                    .isEmpty();
        }
    }

    private static List<Violation> violations(Topology topology, TopologyRules.Phase phase) {
        return TopologyRules.check(topology, phase).stream()
                .filter(violation -> List.of("T-1", "T-2", "T-6").contains(violation.ruleId()))
                .toList();
    }

    private static Topology withActive(Topology topology, List<Topology.Server> active) {
        Topology.Pool pool = topology.pools().getFirst();
        List<String> fqdns = active.stream().map(Topology.Server::fqdn).toList();
        List<Topology.Server> servers = pool.servers().stream()
                .map(server -> new Topology.Server(server.fqdn(), server.site(), fqdns.contains(server.fqdn())))
                .toList();
        Topology.Pool changed = new Topology.Pool(
                pool.fqdn(),
                pool.serviceIdentity(),
                pool.activeServersIdentity(),
                pool.primarySite(),
                pool.secondarySite(),
                pool.siteLink(),
                pool.nextHopPool(),
                pool.fileStore(),
                servers,
                pool.databases(),
                pool.mirroring(),
                pool.logShipping(),
                pool.objectives());
        return new Topology(topology.name(), topology.sites(), topology.sqlInstances(), List.of(changed));
    }
}
