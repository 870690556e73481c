package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;

/** The orders the domain reference imposes, checked apart from the golden texts. */
class ConfigureOrderingTest {

    private static List<Step> steps(ProcedureGenerator generator, String sample) {
        return steps(generator, sample, null);
    }

    private static List<Step> steps(ProcedureGenerator generator, String sample, String variant) {
        return GeneratedProcedures.of(generator, TopologySamples.topology(sample), variant, Locale.ENGLISH)
                .steps();
    }

    private static int first(List<Step> steps, Predicate<Step> test) {
        for (int i = 0; i < steps.size(); i++) {
            if (test.test(steps.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such step");
    }

    private static int last(List<Step> steps, Predicate<Step> test) {
        int found = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (test.test(steps.get(i))) {
                found = i;
            }
        }
        assertThat(found).as("a matching step").isNotNegative();
        return found;
    }

    private static Predicate<Step> scriptHas(String text) {
        return step -> step.script() != null && step.script().contains(text);
    }

    private static Predicate<Step> on(String instance) {
        return step -> step.target().name().equals(instance);
    }

    @Test
    void partnerIsSetOnTheMirrorBeforeThePrincipalAndTheWitnessLast() {
        List<Step> steps = steps(new ConfigureMirroring(), TopologySamples.CONTOSO, "tsql");
        int onMirror = first(steps, scriptHas("SET PARTNER = ").and(on("sqlpc02.contoso.local\\PCHAT")));
        int onPrincipal = first(steps, scriptHas("SET PARTNER = ").and(on("sqlpc01.contoso.local\\PCHAT")));
        int witness = first(steps, scriptHas("SET WITNESS = "));
        int restore = first(steps, scriptHas("RESTORE DATABASE [mgc]").and(on("sqlpc02.contoso.local\\PCHAT")));
        assertThat(restore).isLessThan(onMirror);
        assertThat(onMirror).isLessThan(onPrincipal);
        assertThat(onPrincipal).isLessThan(witness);
        assertThat(steps.get(witness).script()).contains("TCP://sqlwit01.contoso.local:7022");
    }

    @Test
    void endpointsComeBeforeEitherRoute() {
        List<Step> cmdletRoute = steps(new ConfigureMirroring(), TopologySamples.CONTOSO, "cmdlet");
        int cmdlet = first(cmdletRoute, scriptHas("Install-CsMirrorDatabase"));
        assertThat(last(cmdletRoute, scriptHas("CREATE ENDPOINT"))).isLessThan(cmdlet);
        assertThat(cmdletRoute.get(cmdlet).script()).contains("-DatabaseType PersistentChat ", "-Verbose");
        List<Step> tsqlRoute = steps(new ConfigureMirroring(), TopologySamples.CONTOSO, "tsql");
        assertThat(last(tsqlRoute, scriptHas("CREATE ENDPOINT")))
                .isLessThan(first(tsqlRoute, scriptHas("BACKUP DATABASE")));
    }

    @Test
    void withoutWitnessThereIsNoWitnessStepAndPortsComeFromTheTopology() {
        List<Step> steps = steps(new ConfigureMirroring(), TopologySamples.TAILSPIN);
        assertThat(steps).noneMatch(scriptHas("WITNESS"));
        assertThat(steps).anyMatch(scriptHas("LISTENER_PORT = 5023"));
        Step cmdlet = steps.get(first(steps, scriptHas("Install-CsMirrorDatabase")));
        assertThat(cmdlet.script()).doesNotContain("-SqlInstanceName");
    }

    @Test
    void complianceDatabaseIsMirroredAfterTheChatDatabaseWithItsOwnDatabaseType() {
        List<Step> steps = steps(new ConfigureMirroring(), TopologySamples.NORTHWIND);
        int chat = first(steps, scriptHas("-DatabaseType PersistentChat "));
        int compliance = first(steps, scriptHas("-DatabaseType PersistentChatCompliance "));
        assertThat(chat).isLessThan(compliance);
        assertThat(steps.get(compliance).script()).contains("'sqlcomp01.northwind.ch'", "'MGCCOMP'");
    }

    @Test
    void logShippingRunsThePrimaryProceduresBeforeTheSecondaryOnes() {
        List<Step> steps = steps(new ConfigureLogShipping(), TopologySamples.CONTOSO);
        int lastPrimary = last(steps, scriptHas("sp_add_log_shipping_primary"));
        int firstSecondary = first(steps, scriptHas("sp_add_log_shipping_secondary"));
        assertThat(lastPrimary).isLessThan(firstSecondary);
        int alert = first(steps, scriptHas("sp_add_log_shipping_alert_job"));
        assertThat(steps.get(alert).target().name()).isEqualTo("sqlwit01.contoso.local");
        assertThat(alert).isLessThan(first(steps, scriptHas("sp_add_log_shipping_primary_secondary")));
    }

    @Test
    void secondaryDatabaseIsAddedAfterItsFullBackupIsRestoredWithNoRecovery() {
        List<Step> steps = steps(new ConfigureLogShipping(), TopologySamples.CONTOSO);
        int backup = first(steps, scriptHas("BACKUP DATABASE [mgc]"));
        int restore = first(steps, scriptHas("RESTORE DATABASE [mgc]"));
        int secondary = first(steps, scriptHas("sp_add_log_shipping_secondary_database"));
        int enable = first(steps, scriptHas("sp_update_job @job_name"));
        assertThat(backup).isLessThan(restore);
        assertThat(restore).isLessThan(secondary);
        assertThat(secondary).isLessThan(enable);
        assertThat(steps.get(restore).script()).contains("WITH NORECOVERY");
        assertThat(steps.get(secondary).script())
                .contains("@restore_mode = 0,", "@restore_delay = 0,", "@restore_threshold = 45,");
    }

    @Test
    void everyLogShippingSettingOfTheTopologyReachesTheScripts() {
        List<Step> steps = steps(new ConfigureLogShipping(), TopologySamples.FABRIKAM);
        String all = String.join("\n", steps.stream().map(Step::script).toList());
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
        Procedure procedure = GeneratedProcedures.of(
                new ConfigureLogShipping(), TopologySamples.topology(TopologySamples.TAILSPIN), Locale.ENGLISH);
        assertThat(procedure.steps()).noneMatch(scriptHas("@monitor_server"));
        assertThat(procedure.warnings()).anyMatch(note -> note.ruleId().equals("L-4"));
        assertThat(procedure.steps()).anyMatch(scriptHas("@backup_directory = N'D:\\LogShipping'"));
    }

    @Test
    void mirrorBecomesSecondPrimaryBetweenTheTwoFailoversWithoutTouchingTheSecondary() {
        List<Step> steps = steps(new ConfigureLogShippingFromMirror(), TopologySamples.CONTOSO);
        int toMirror = first(steps, scriptHas("-NewPrincipal mirror"));
        int primaryPart = first(steps, scriptHas("sp_add_log_shipping_primary_database"));
        int back = first(steps, scriptHas("-NewPrincipal primary"));
        assertThat(toMirror).isLessThan(primaryPart);
        assertThat(primaryPart).isLessThan(back);
        assertThat(steps.get(primaryPart).target().name()).isEqualTo("sqlpc02.contoso.local\\PCHAT");
        assertThat(steps).noneMatch(scriptHas("sp_add_log_shipping_secondary"));
        assertThat(steps.get(toMirror).script())
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
        List<Step> steps = steps(new MirroringFailover(), TopologySamples.NORTHWIND, "to-mirror");
        int check = first(steps, scriptHas("FROM sys.database_mirroring").and(on("sqlmgc01.northwind.ch\\MGC")));
        int toMirror = first(steps, scriptHas("-DatabaseType PersistentChat -NewPrincipal mirror"));
        int compliance = first(steps, scriptHas("-DatabaseType PersistentChatCompliance -NewPrincipal mirror"));
        assertThat(check).isLessThan(toMirror);
        assertThat(toMirror).isLessThan(compliance);
        assertThat(steps.get(toMirror).warnings())
                .anySatisfy(note ->
                        assertThat(note.message()).contains("sqlmgc01.northwind.ch\\MGC", "SET PARTNER FAILOVER"));

        List<Step> back = steps(new MirroringFailover(), TopologySamples.NORTHWIND, "to-primary");
        int checkBack = first(back, scriptHas("FROM sys.database_mirroring").and(on("sqlmgc02.northwind.ch\\MGC")));
        assertThat(checkBack).isLessThan(first(back, scriptHas("-DatabaseType PersistentChat -NewPrincipal primary")));
    }
}
