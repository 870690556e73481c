package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.topology.CheckPhase;
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
                    .as(sample)
                    .isNotEmpty()
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
    void serversAreActivatedOnlyAfterThePoolStateAtFailover(String variant) {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failover(sample, variant);
            assertThat(DrProcedures.firstStepWith(procedure, "-ActiveServers @{Add="))
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
                    .distinct()
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

    /** C-2, C-9: quiesced, guarded, unmirrored, single-user, then the tail; the backup jobs stop after it. */
    @org.junit.jupiter.api.Test
    void thePlannedVariantQuiescesThePoolThenTakesTheTailLogBackupOnThePrincipalOnly() {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failover(sample, "planned");
            Topology.Pool pool = TopologySamples.topology(sample).pools().getFirst();
            int tail = DrProcedures.firstStepWith(procedure, "BACKUP LOG [mgc] TO DISK = N'");
            Procedure.Step step = procedure.steps().get(tail - 1);
            assertThat(step.target().site()).as(sample).isEqualTo(pool.primarySite());
            assertThat(step.script())
                    .endsWith(" WITH INIT, FORMAT, CHECKSUM, NORECOVERY;")
                    .containsSubsequence(
                            "ISNULL(m.mirroring_role_desc, N'PRINCIPAL') = N'PRINCIPAL'",
                            "RAISERROR(",
                            "RETURN;",
                            "SET SINGLE_USER WITH ROLLBACK IMMEDIATE;",
                            "FROM sys.sysprocesses WHERE dbid = DB_ID(N'mgc')",
                            "BACKUP LOG");
            int quiesce = DrProcedures.firstStepWith(procedure, "Stop-CsWindowsService -Name RTCCHAT");
            assertThat(quiesce).isEqualTo(tail - 1);
            assertThat(procedure.steps().get(quiesce - 1).script())
                    .contains("-ActiveServers $null")
                    .contains(pool.servers().stream()
                            .map(server -> "Stop-CsWindowsService -Name RTCCHAT -ComputerName '" + server.fqdn() + "'")
                            .toList());
            assertThat(DrProcedures.firstStepWith(procedure, "@job_name = N'LSBackup_mgc', @enabled = 0;"))
                    .isEqualTo(tail + 1)
                    .isLessThan(DrProcedures.firstStepWith(procedure, "sp_delete_log_shipping_secondary_database"));
            assertThat(failover(sample, "unplanned").steps())
                    .noneMatch(other -> other.script() != null
                            && (other.script().contains("BACKUP LOG")
                                    || other.script().contains("Stop-CsWindowsService")));
        }
    }

    /** C-4: the Central Management store and the Front End pool come first, as a checkpoint. */
    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void everySiteFailoverStartsWithTheCentralManagementStoreAndFrontEndCheckpoint(String variant) {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failover(sample, variant);
            Procedure.Step first = procedure.steps().getFirst();
            assertThat(first.ruleId()).as(sample).isEqualTo("C-4");
            assertThat(first.target().site())
                    .isEqualTo(
                            TopologySamples.topology(sample).pools().getFirst().secondarySite());
            assertThat(first.script())
                    .contains("Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus")
                    .contains("Invoke-CsPoolFailover -PoolFqdn '");
            assertThat(first.warnings())
                    .anySatisfy(note -> assertThat(note.message()).contains("Invoke-CsManagementServerFailover"));
            boolean planned = variant.equals("planned");
            // PS invoke-cspoolfailover: -DisasterMode only when the pool is no longer accessible.
            assertThat(first.script().contains("-DisasterMode")).isEqualTo(!planned);
            assertThat(first.warnings().toString().contains("-Force")).isEqualTo(!planned);
        }
    }

    @org.junit.jupiter.api.Test
    void failbackReturnsThePoolToNormalBeforeAnyServerIsActivated() {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failback(sample);
            assertThat(DrProcedures.ruleIds(procedure).stream()
                            .filter(id -> id.startsWith("B-"))
                            .distinct()
                            .toList())
                    .as(sample)
                    .containsExactly("B-1", "B-2", "B-3", "B-4", "B-5", "B-7", "B-6");
            int activate = DrProcedures.firstStepWith(procedure, "-ActiveServers @{Add=");
            assertThat(activate).isGreaterThan(DrProcedures.firstStepWith(procedure, "-PoolState Normal"));
            assertThat(DrProcedures.firstStepWith(procedure, "-PoolState Normal"))
                    .isGreaterThan(DrProcedures.lastStepWith(procedure, "sp_add_log_shipping_secondary_database"));
            assertThat(DrProcedures.firstStepWith(procedure, "-ActiveServers $null"))
                    .isLessThan(DrProcedures.firstStepWith(procedure, "BACKUP DATABASE"));
            assertThat(DrProcedures.firstStepWith(procedure, "WITH REPLACE, RECOVERY"))
                    .isGreaterThan(DrProcedures.firstStepWith(procedure, "BACKUP DATABASE"));
        }
    }

    /** C-2 before B-3: every server's service stopped, then no session left, just before the backup. */
    @org.junit.jupiter.api.Test
    void failbackStopsEveryServerAndShowsNoSessionRemainsBeforeTheFullBackup() {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failback(sample);
            Topology.Pool pool = TopologySamples.topology(sample).pools().getFirst();
            int backup = DrProcedures.firstStepWith(procedure, "BACKUP DATABASE");
            int stop = DrProcedures.firstStepWith(procedure, "Stop-CsWindowsService");
            assertThat(procedure.steps().get(stop - 1).script())
                    .as(sample)
                    .contains(pool.servers().stream()
                            .map(server -> "Stop-CsWindowsService -Name RTCCHAT -ComputerName '" + server.fqdn() + "'")
                            .toList());
            assertThat(stop).isLessThan(backup);
            assertThat(DrProcedures.firstStepWith(procedure, "FROM sys.sysprocesses WHERE dbid = DB_ID(N'mgc')"))
                    .isEqualTo(backup - 1);
            assertThat(DrProcedures.lastStepWith(procedure, "Start-CsWindowsService"))
                    .isEqualTo(DrProcedures.firstStepWith(procedure, "-ActiveServers @{Add="));
        }
    }

    /** C-9: a mirrored database cannot be restored over; mirroring on the rebuilt primary goes first, guarded. */
    @org.junit.jupiter.api.Test
    void failbackRemovesMirroringOnTheRebuiltPrimaryOnlyWhenPresentBeforeRestoringOverIt() {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failback(sample);
            Procedure.Step restore =
                    procedure.steps().get(DrProcedures.firstStepWith(procedure, "WITH REPLACE, RECOVERY") - 1);
            assertThat(restore.script())
                    .as(sample)
                    .containsSubsequence(
                            "IF EXISTS (SELECT 1 FROM sys.database_mirroring WHERE database_id = DB_ID(N'mgc')"
                                    + " AND mirroring_guid IS NOT NULL)",
                            "ALTER DATABASE [mgc] SET PARTNER OFF;",
                            "RESTORE DATABASE [mgc]");
        }
    }

    @org.junit.jupiter.api.Test
    void theBackupIsReseededAfterThePrimaryIsMirroredAndTheStepsSaySoAsAPortalAddition() {
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failback(sample);
            int reseed = DrProcedures.firstStepWith(procedure, "WITH NORECOVERY, REPLACE");
            assertThat(reseed)
                    .as(sample)
                    .isGreaterThan(DrProcedures.lastStepWith(procedure, "Install-CsMirrorDatabase"));
            // B-5: configure-log-shipping's own T-SQL, each step marked as the portal's addition.
            int restored = DrProcedures.firstStepWith(procedure, "WITH REPLACE, RECOVERY");
            int normal = DrProcedures.firstStepWith(procedure, "-PoolState Normal");
            assertThat(procedure.steps().subList(restored, normal - 1))
                    .isNotEmpty()
                    .allSatisfy(step -> assertThat(step.warnings())
                            .anySatisfy(note -> assertThat(note.message()).startsWith("Portal addition")));
            assertThat(procedure.steps())
                    .anySatisfy(step -> assertThat(step.script()).contains("sp_add_log_shipping_primary_database"))
                    .anySatisfy(step -> assertThat(step.script()).contains("sp_add_log_shipping_secondary_database"))
                    .noneMatch(step -> step.language() == Procedure.Language.NONE
                            && step.ruleId().startsWith("L-"));
        }
    }

    /** The servers F-7 and B-6 leave active satisfy T-6 (and T-1) in the phase they are made for (C-7: 2 + 2 allowed). */
    @org.junit.jupiter.api.Test
    void theActiveServersChosenSatisfyTheRulesOfTheirPhase() {
        for (String sample : TopologySamples.NAMES) {
            Topology topology = TopologySamples.topology(sample);
            Topology.Pool pool = topology.pools().getFirst();
            assertThat(violations(
                            withActive(topology, SiteSwitch.activeIn(pool, pool.secondarySite())), CheckPhase.FAILOVER))
                    .as(sample)
                    .isEmpty();
            assertThat(violations(withActive(topology, SiteSwitch.originalActive(pool)), CheckPhase.FAILBACK))
                    .as(sample)
                    .isEmpty();
        }
    }

    private static List<Violation> violations(Topology topology, CheckPhase phase) {
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
