package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.procedure.generators.GeneratedProcedures.first;
import static org.pchatdr.portal.procedure.generators.GeneratedProcedures.firstStepWith;
import static org.pchatdr.portal.procedure.generators.GeneratedProcedures.last;
import static org.pchatdr.portal.procedure.generators.GeneratedProcedures.lastStepWith;
import static org.pchatdr.portal.procedure.generators.GeneratedProcedures.ruleIds;
import static org.pchatdr.portal.procedure.generators.GeneratedProcedures.scriptHas;
import static org.pchatdr.portal.procedure.generators.GeneratedProcedures.step;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.Violation;

/**
 * The orders the domain reference and Microsoft impose on every procedure, checked apart from the
 * golden texts: the steps that must not be swapped, whatever the topology.
 */
class ProcedureOrderingTest {

    static final List<String> SAMPLES = TopologySamples.NAMES;

    private static Procedure procedure(ProcedureGenerator generator, String sample, String variant) {
        return GeneratedProcedures.english(generator, TopologySamples.topology(sample), variant);
    }

    private static Procedure failover(String sample, String variant) {
        return procedure(new SiteFailover(), sample, variant);
    }

    private static Procedure failback(String sample) {
        return procedure(new SiteFailback(), sample, null);
    }

    private static Predicate<Step> on(String instance) {
        return step -> step.target().name().equals(instance);
    }

    // Configuration and mirroring failover (sections 3, 4 and 10 of the domain reference).

    @Test
    void partnerIsSetOnTheMirrorBeforeThePrincipalAndTheWitnessLast() {
        Procedure procedure = procedure(new ConfigureMirroring(), TopologySamples.CONTOSO, "tsql");
        int onMirror = first(procedure, scriptHas("SET PARTNER = ").and(on("sqlpc02.contoso.local\\PCHAT")));
        int onPrincipal = first(procedure, scriptHas("SET PARTNER = ").and(on("sqlpc01.contoso.local\\PCHAT")));
        int witness = first(procedure, scriptHas("SET WITNESS = "));
        int restore = first(procedure, scriptHas("RESTORE DATABASE [mgc]").and(on("sqlpc02.contoso.local\\PCHAT")));
        assertThat(restore).isLessThan(onMirror);
        assertThat(onMirror).isLessThan(onPrincipal);
        assertThat(onPrincipal).isLessThan(witness);
        assertThat(step(procedure, witness).script()).contains("TCP://sqlwit01.contoso.local:7022");
    }

    @Test
    void endpointsComeBeforeEitherRoute() {
        Procedure cmdletRoute = procedure(new ConfigureMirroring(), TopologySamples.CONTOSO, "cmdlet");
        int cmdlet = first(cmdletRoute, scriptHas("Install-CsMirrorDatabase"));
        assertThat(last(cmdletRoute, scriptHas("CREATE ENDPOINT"))).isLessThan(cmdlet);
        assertThat(step(cmdletRoute, cmdlet).script()).contains("-DatabaseType PersistentChat ", "-Verbose");
        Procedure tsqlRoute = procedure(new ConfigureMirroring(), TopologySamples.CONTOSO, "tsql");
        assertThat(last(tsqlRoute, scriptHas("CREATE ENDPOINT")))
                .isLessThan(first(tsqlRoute, scriptHas("BACKUP DATABASE")));
    }

    @Test
    void withoutWitnessThereIsNoWitnessStepAndPortsComeFromTheTopology() {
        Procedure procedure = procedure(new ConfigureMirroring(), TopologySamples.TAILSPIN, null);
        assertThat(procedure.steps()).noneMatch(scriptHas("WITNESS"));
        assertThat(procedure.steps()).anyMatch(scriptHas("LISTENER_PORT = 5023"));
        Step cmdlet = step(procedure, first(procedure, scriptHas("Install-CsMirrorDatabase")));
        assertThat(cmdlet.script()).doesNotContain("-SqlInstanceName");
    }

    @Test
    void complianceDatabaseIsMirroredAfterTheChatDatabaseWithItsOwnDatabaseType() {
        Procedure procedure = procedure(new ConfigureMirroring(), TopologySamples.NORTHWIND, null);
        int chat = first(procedure, scriptHas("-DatabaseType PersistentChat "));
        int compliance = first(procedure, scriptHas("-DatabaseType PersistentChatCompliance "));
        assertThat(chat).isLessThan(compliance);
        assertThat(step(procedure, compliance).script()).contains("'sqlcomp01.northwind.ch'", "'MGCCOMP'");
    }

    @Test
    void logShippingRunsThePrimaryProceduresBeforeTheSecondaryOnes() {
        Procedure procedure = procedure(new ConfigureLogShipping(), TopologySamples.CONTOSO, null);
        int lastPrimary = last(procedure, scriptHas("sp_add_log_shipping_primary"));
        int firstSecondary = first(procedure, scriptHas("sp_add_log_shipping_secondary"));
        assertThat(lastPrimary).isLessThan(firstSecondary);
        int alert = first(procedure, scriptHas("sp_add_log_shipping_alert_job"));
        assertThat(step(procedure, alert).target().name()).isEqualTo("sqlwit01.contoso.local");
        assertThat(alert).isLessThan(first(procedure, scriptHas("sp_add_log_shipping_primary_secondary")));
    }

    @Test
    void secondaryDatabaseIsAddedAfterItsFullBackupIsRestoredWithNoRecovery() {
        Procedure procedure = procedure(new ConfigureLogShipping(), TopologySamples.CONTOSO, null);
        int backup = first(procedure, scriptHas("BACKUP DATABASE [mgc]"));
        int restore = first(procedure, scriptHas("RESTORE DATABASE [mgc]"));
        int secondary = first(procedure, scriptHas("sp_add_log_shipping_secondary_database"));
        int enable = first(procedure, scriptHas("sp_update_job @job_name"));
        assertThat(backup).isLessThan(restore);
        assertThat(restore).isLessThan(secondary);
        assertThat(secondary).isLessThan(enable);
        assertThat(step(procedure, restore).script()).contains("WITH NORECOVERY");
        assertThat(step(procedure, secondary).script())
                .contains("@restore_mode = 0,", "@restore_delay = 0,", "@restore_threshold = 45,");
    }

    @Test
    void everyLogShippingSettingOfTheTopologyReachesTheScripts() {
        Procedure procedure = procedure(new ConfigureLogShipping(), TopologySamples.FABRIKAM, null);
        String all =
                String.join("\n", procedure.steps().stream().map(Step::script).toList());
        assertThat(all)
                .contains(
                        "@backup_share = N'\\\\fs-mtl01.fabrikam.com\\LogShip$\\mgc'",
                        "@backup_destination_directory = N'E:\\LogShip\\Copy'",
                        "@freq_subday_interval = 5,",
                        "@backup_retention_period = 4320,",
                        "@file_retention_period = 4320,",
                        "@backup_threshold = 60,",
                        "@restore_threshold = 45,",
                        "@monitor_server = N'sqlwit01.fabrikam.com'");
    }

    @Test
    void withoutMonitorTheMonitorParametersAreLeftOutAndAWarningSaysSo() {
        Procedure procedure = procedure(new ConfigureLogShipping(), TopologySamples.TAILSPIN, null);
        assertThat(procedure.steps()).noneMatch(scriptHas("@monitor_server"));
        assertThat(procedure.warnings()).anyMatch(note -> note.ruleId().equals("L-4"));
        assertThat(procedure.steps()).anyMatch(scriptHas("@backup_directory = N'D:\\LogShipping'"));
    }

    @Test
    void mirrorBecomesSecondPrimaryBetweenTheTwoFailoversWithoutTouchingTheSecondary() {
        Procedure procedure = procedure(new ConfigureLogShippingFromMirror(), TopologySamples.CONTOSO, null);
        int toMirror = first(procedure, scriptHas("-NewPrincipal mirror"));
        int primaryPart = first(procedure, scriptHas("sp_add_log_shipping_primary_database"));
        int back = first(procedure, scriptHas("-NewPrincipal primary"));
        assertThat(toMirror).isLessThan(primaryPart);
        assertThat(primaryPart).isLessThan(back);
        assertThat(step(procedure, primaryPart).target().name()).isEqualTo("sqlpc02.contoso.local\\PCHAT");
        assertThat(procedure.steps()).noneMatch(scriptHas("sp_add_log_shipping_secondary"));
        assertThat(step(procedure, toMirror).script())
                .isEqualTo(
                        "Invoke-CsDatabaseFailover -PoolFqdn 'pchat.contoso.local' -DatabaseType PersistentChat -NewPrincipal mirror -Verbose");
    }

    @Test
    void poolWithoutMirrorHasNoLogShippingFromTheMirror() {
        Topology topology = Contoso.with(d -> {
            d.pool().mgc().mirror = null;
            d.pool().mgc().witness = null;
            d.pool().mgc().backupMirror = null;
        });
        assertThatThrownBy(() -> GeneratedProcedures.of(new ConfigureLogShippingFromMirror(), topology, Locale.ENGLISH))
                .isInstanceOf(ProcedureGenerator.NotApplicable.class)
                .hasMessageContaining("L-5");
    }

    @Test
    void mirroringFailoverChecksSynchronizationOnThePrincipalBeforeSwitchingEachDatabase() {
        Procedure procedure = procedure(new MirroringFailover(), TopologySamples.NORTHWIND, "to-mirror");
        int check = first(procedure, scriptHas("FROM sys.database_mirroring").and(on("sqlmgc01.northwind.ch\\MGC")));
        int toMirror = first(procedure, scriptHas("-DatabaseType PersistentChat -NewPrincipal mirror"));
        int compliance = first(procedure, scriptHas("-DatabaseType PersistentChatCompliance -NewPrincipal mirror"));
        assertThat(check).isLessThan(toMirror);
        assertThat(toMirror).isLessThan(compliance);
        assertThat(step(procedure, toMirror).warnings())
                .anySatisfy(note ->
                        assertThat(note.message()).contains("sqlmgc01.northwind.ch\\MGC", "SET PARTNER FAILOVER"));

        Procedure back = procedure(new MirroringFailover(), TopologySamples.NORTHWIND, "to-primary");
        int checkBack = first(back, scriptHas("FROM sys.database_mirroring").and(on("sqlmgc02.northwind.ch\\MGC")));
        assertThat(checkBack).isLessThan(first(back, scriptHas("-DatabaseType PersistentChat -NewPrincipal primary")));
    }

    // Site failover and failback (sections 5, 6 and 10), for every sample.

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void nothingIsRecoveredBeforeTheLastLogIsRestored(String variant) {
        for (String sample : SAMPLES) {
            Procedure procedure = failover(sample, variant);
            assertThat(firstStepWith(procedure, "WITH RECOVERY"))
                    .as(sample)
                    .isGreaterThan(lastStepWith(procedure, "RESTORE LOG"));
            assertThat(procedure.steps().stream()
                            .filter(scriptHas("RESTORE LOG"))
                            .map(Step::script))
                    .as(sample)
                    .isNotEmpty()
                    .allSatisfy(script -> assertThat(script).contains("WITH NORECOVERY"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void thePoolStateChangesOnlyAfterTheDatabaseIsOnline(String variant) {
        for (String sample : SAMPLES) {
            Procedure procedure = failover(sample, variant);
            assertThat(firstStepWith(procedure, "-PoolState FailedOver"))
                    .as(sample)
                    .isGreaterThan(lastStepWith(procedure, "WITH RECOVERY"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void serversAreActivatedOnlyAfterThePoolStateAtFailover(String variant) {
        for (String sample : SAMPLES) {
            Procedure procedure = failover(sample, variant);
            assertThat(firstStepWith(procedure, "-ActiveServers @{Add="))
                    .as(sample)
                    .isGreaterThan(firstStepWith(procedure, "-PoolState FailedOver"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void failoverFollowsMicrosoftsStepsInOrder(String variant) {
        for (String sample : SAMPLES) {
            List<String> ids = ruleIds(failover(sample, variant)).stream()
                    .filter(id -> id.startsWith("F-") && !id.equals("F-0"))
                    .distinct()
                    .toList();
            assertThat(ids).as(sample).containsExactly("F-1", "F-2", "F-3", "F-4", "F-5", "F-6", "F-7");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void complianceOutputIsSecuredFirstWhenComplianceIsOn(String variant) {
        List<String> ids = ruleIds(failover(TopologySamples.NORTHWIND, variant));
        assertThat(ids.indexOf("F-0")).isLessThan(ids.indexOf("F-1")).isNotNegative();
        assertThat(ruleIds(failover(TopologySamples.CONTOSO, variant))).doesNotContain("F-0");
        assertThat(failover(TopologySamples.CONTOSO, variant).steps()).noneMatch(scriptHas("mgccomp"));
    }

    /** C-2, C-9: quiesced, guarded, unmirrored, single-user, then the tail; the backup jobs stop after it. */
    @ParameterizedTest
    @FieldSource("SAMPLES")
    void thePlannedVariantQuiescesThePoolThenTakesTheTailLogBackupOnThePrincipalOnly(String sample) {
        Procedure procedure = failover(sample, "planned");
        Topology.Pool pool = TopologySamples.topology(sample).pools().getFirst();
        int tail = firstStepWith(procedure, "BACKUP LOG [mgc] TO DISK = N'");
        Step step = step(procedure, tail);
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
        int quiesce = firstStepWith(procedure, "Stop-CsWindowsService -Name RTCCHAT");
        assertThat(quiesce).isEqualTo(tail - 1);
        assertThat(step(procedure, quiesce).script())
                .contains("-ActiveServers $null")
                .contains(stopEveryServer(pool));
        assertThat(firstStepWith(procedure, "@job_name = N'LSBackup_mgc', @enabled = 0;"))
                .isEqualTo(tail + 1)
                .isLessThan(firstStepWith(procedure, "sp_delete_log_shipping_secondary_database"));
        assertThat(failover(sample, "unplanned").steps())
                .noneMatch(other -> other.script() != null
                        && (other.script().contains("BACKUP LOG")
                                || other.script().contains("Stop-CsWindowsService")));
    }

    /** C-4: the Central Management store and the Front End pool come first, as a checkpoint. */
    @ParameterizedTest
    @ValueSource(strings = {"unplanned", "planned"})
    void everySiteFailoverStartsWithTheCentralManagementStoreAndFrontEndCheckpoint(String variant) {
        for (String sample : SAMPLES) {
            Procedure procedure = failover(sample, variant);
            Step first = procedure.steps().getFirst();
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

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void failbackReturnsThePoolToNormalBeforeAnyServerIsActivated(String sample) {
        Procedure procedure = failback(sample);
        assertThat(ruleIds(procedure).stream()
                        .filter(id -> id.startsWith("B-"))
                        .distinct()
                        .toList())
                .as(sample)
                .containsExactly("B-1", "B-2", "B-3", "B-4", "B-5", "B-7", "B-6");
        int activate = firstStepWith(procedure, "-ActiveServers @{Add=");
        assertThat(activate).isGreaterThan(firstStepWith(procedure, "-PoolState Normal"));
        assertThat(firstStepWith(procedure, "-PoolState Normal"))
                .isGreaterThan(lastStepWith(procedure, "sp_add_log_shipping_secondary_database"));
        assertThat(firstStepWith(procedure, "-ActiveServers $null"))
                .isLessThan(firstStepWith(procedure, "BACKUP DATABASE"));
        assertThat(firstStepWith(procedure, "WITH REPLACE, RECOVERY"))
                .isGreaterThan(firstStepWith(procedure, "BACKUP DATABASE"));
    }

    /** C-2 before B-3: every server's service stopped, then no session left, just before the backup. */
    @ParameterizedTest
    @FieldSource("SAMPLES")
    void failbackStopsEveryServerAndShowsNoSessionRemainsBeforeTheFullBackup(String sample) {
        Procedure procedure = failback(sample);
        Topology.Pool pool = TopologySamples.topology(sample).pools().getFirst();
        int backup = firstStepWith(procedure, "BACKUP DATABASE");
        int stop = firstStepWith(procedure, "Stop-CsWindowsService");
        assertThat(step(procedure, stop).script()).as(sample).contains(stopEveryServer(pool));
        assertThat(stop).isLessThan(backup);
        assertThat(firstStepWith(procedure, "FROM sys.sysprocesses WHERE dbid = DB_ID(N'mgc')"))
                .isEqualTo(backup - 1);
        assertThat(lastStepWith(procedure, "Start-CsWindowsService"))
                .isEqualTo(firstStepWith(procedure, "-ActiveServers @{Add="));
    }

    /** C-9: a mirrored database cannot be restored over; mirroring on the rebuilt primary goes first, guarded. */
    @ParameterizedTest
    @FieldSource("SAMPLES")
    void failbackRemovesMirroringOnTheRebuiltPrimaryOnlyWhenPresentBeforeRestoringOverIt(String sample) {
        Procedure procedure = failback(sample);
        Step restore = step(procedure, firstStepWith(procedure, "WITH REPLACE, RECOVERY"));
        assertThat(restore.script())
                .as(sample)
                .containsSubsequence(
                        "IF EXISTS (SELECT 1 FROM sys.database_mirroring WHERE database_id = DB_ID(N'mgc')"
                                + " AND mirroring_guid IS NOT NULL)",
                        "ALTER DATABASE [mgc] SET PARTNER OFF;",
                        "RESTORE DATABASE [mgc]");
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void theBackupIsReseededAfterThePrimaryIsMirroredAndTheStepsSaySoAsAPortalAddition(String sample) {
        Procedure procedure = failback(sample);
        int reseed = firstStepWith(procedure, "WITH NORECOVERY, REPLACE");
        assertThat(reseed).as(sample).isGreaterThan(lastStepWith(procedure, "Install-CsMirrorDatabase"));
        // B-5: configure-log-shipping's own T-SQL, each step marked as the portal's addition.
        int restored = firstStepWith(procedure, "WITH REPLACE, RECOVERY");
        int normal = firstStepWith(procedure, "-PoolState Normal");
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

    /** The servers F-7 and B-6 leave active satisfy T-6 (and T-1) in the phase they are made for (C-7: 2 + 2 allowed). */
    @ParameterizedTest
    @FieldSource("SAMPLES")
    void theActiveServersChosenSatisfyTheRulesOfTheirPhase(String sample) {
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

    private static List<String> stopEveryServer(Topology.Pool pool) {
        return pool.servers().stream()
                .map(server -> "Stop-CsWindowsService -Name RTCCHAT -ComputerName '" + server.fqdn() + "'")
                .toList();
    }

    private static List<Violation> violations(Topology topology, CheckPhase phase) {
        return TopologyRules.check(topology, phase).stream()
                .filter(violation -> List.of("T-1", "T-2", "T-6").contains(violation.ruleId()))
                .toList();
    }

    /** The topology with exactly {@code active} active, whatever the sample. */
    private static Topology withActive(Topology topology, List<Topology.Server> active) {
        List<String> fqdns = active.stream().map(Topology.Server::fqdn).toList();
        Contoso.Draft draft = Contoso.Draft.of(topology);
        draft.pool().servers.forEach(server -> server.active = fqdns.contains(server.fqdn));
        return draft.build();
    }
}
