package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.procedure.generators.GeneratedProcedures.first;
import static org.pchatdr.portal.procedure.generators.GeneratedProcedures.scriptHas;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;

/**
 * Issue 9's corrections of the configuration and mirroring-failover procedures: one route per
 * procedure (C-9), forcing service when the principal is lost (C-8), the share on the primary's host
 * (C-10), unique seed backups (C-1) and the minor findings, each checked apart from the goldens.
 */
class ConfigureRoutesTest {

    private static Procedure procedure(ProcedureGenerator generator, String sample, String variant) {
        return GeneratedProcedures.of(generator, TopologySamples.topology(sample), variant, Locale.ENGLISH);
    }

    private static String everything(Procedure procedure) {
        StringBuilder all = new StringBuilder();
        procedure.warnings().forEach(note -> all.append(note.message()).append('\n'));
        for (Step step : procedure.steps()) {
            all.append(step.title()).append('\n').append(step.purpose()).append('\n');
            all.append(step.script()).append('\n').append(step.expected()).append('\n');
            step.warnings().forEach(note -> all.append(note.message()).append('\n'));
        }
        return all.toString();
    }

    static Stream<Arguments> everyRoute() {
        return GeneratedProcedures.all().stream()
                .flatMap(generator -> generator.variants().stream()
                        .flatMap(variant -> TopologySamples.NAMES.stream()
                                .map(sample -> Arguments.of(generator, variant, sample))));
    }

    @Test
    void eachProcedureOffersItsRoutesAsVariantsWithADocumentedDefault() {
        assertThat(new ConfigureMirroring().variants()).containsExactly("cmdlet", "tsql");
        assertThat(new ConfigureLogShipping().variants()).containsExactly("tsql", "ssms");
        assertThat(new ConfigureLogShippingFromMirror().variants()).containsExactly("tsql", "ssms");
        assertThat(new MirroringFailover().variants()).containsExactly("to-mirror", "to-primary", "principal-lost");
    }

    @ParameterizedTest(name = "{0} ({1}) for {2}")
    @MethodSource("everyRoute")
    void noProcedureCarriesTwoRoutesAsConsecutiveSteps(ProcedureGenerator generator, String variant, String sample) {
        Procedure procedure = procedure(generator, sample, variant);
        List<Step> steps = procedure.steps();
        boolean cmdlet = steps.stream().anyMatch(scriptHas("Install-CsMirrorDatabase"));
        boolean tsqlSeed = steps.stream().anyMatch(scriptHas("SET PARTNER = "));
        assertThat(cmdlet && tsqlSeed)
                .as("cmdlet and T-SQL mirroring routes together")
                .isFalse();
        long primaryParts = steps.stream()
                .filter(scriptHas("sp_add_log_shipping_primary_database")
                        .or(step -> step.language() == Procedure.Language.NONE
                                && step.script().contains("Transaction Log Shipping")))
                .count();
        assertThat(primaryParts).as("log-shipping primary configured once").isLessThanOrEqualTo(1);
        if (generator instanceof MirroringFailover) {
            boolean toMirror = steps.stream().anyMatch(scriptHas("-NewPrincipal mirror"));
            boolean toPrimary = steps.stream().anyMatch(scriptHas("-NewPrincipal primary"));
            assertThat(toMirror && toPrimary)
                    .as("both halves of a mirroring failover")
                    .isFalse();
            assertThat(steps).as("a T-SQL failover as a step of its own").noneMatch(scriptHas("SET PARTNER FAILOVER"));
        }
    }

    @Test
    void theTsqlSeedOfTheMirrorHasUniqueTimestampedFilesWrittenWithInitFormatChecksum() {
        Procedure procedure = procedure(new ConfigureMirroring(), TopologySamples.CONTOSO, "tsql");
        Step backup = procedure.steps().get(first(procedure, scriptHas("BACKUP DATABASE [mgc]")) - 1);
        assertThat(backup.script())
                .contains(
                        "\\pchat-mirror-seed\\mgc_mirror_seed_20261201T093000Z.bak' WITH COPY_ONLY, INIT, FORMAT, CHECKSUM;",
                        "\\pchat-mirror-seed\\mgc_mirror_seed_20261201T093000Z.trn' WITH COPY_ONLY, INIT, FORMAT, CHECKSUM;");
        Topology contoso = Contoso.topology();
        List<Step> later = new ConfigureMirroring()
                .steps(
                        contoso,
                        contoso.pools().getFirst(),
                        "tsql",
                        ProcedureTexts.of(Locale.ENGLISH),
                        Instant.parse("2026-12-02T09:30:00Z"));
        assertThat(later).anyMatch(scriptHas("mgc_mirror_seed_20261202T093000Z.bak"));
        assertThat(later).noneMatch(scriptHas("mgc_mirror_seed_20261201T093000Z"));
    }

    @Test
    void theLogShippingInitialBackupHasAUniqueNameWrittenWithInitFormatChecksum() {
        Procedure procedure = procedure(new ConfigureLogShipping(), TopologySamples.CONTOSO, "tsql");
        assertThat(procedure.steps())
                .anyMatch(scriptHas("mgc_logshipping_init_20261201T093000Z.bak' WITH INIT, FORMAT, CHECKSUM;"));
    }

    @Test
    void logBackupsArePausedFromBeforeTheSeedUntilThePrincipalHasItsPartner() {
        Procedure procedure = procedure(new ConfigureMirroring(), TopologySamples.CONTOSO, "tsql");
        int pause = first(procedure, scriptHas("@job_name = N'LSBackup_mgc', @enabled = 0"));
        int seed = first(procedure, scriptHas("BACKUP DATABASE [mgc]"));
        int principal = first(procedure, scriptHas("SET PARTNER = N'TCP://sqlpc02.contoso.local:5022'"));
        int resume = first(procedure, scriptHas("@job_name = N'LSBackup_mgc', @enabled = 1"));
        assertThat(pause).isLessThan(seed);
        assertThat(seed).isLessThan(principal);
        assertThat(principal).isLessThan(resume);
        assertThat(procedure.steps().get(pause - 1).warnings())
                .anySatisfy(note -> assertThat(note.message()).contains("restore each of them", "WITH NORECOVERY"));
    }

    @Test
    void mirroringPrerequisitesCheckTheBackupSiteInstancesToo() {
        Step prerequisites = procedure(new ConfigureMirroring(), TopologySamples.CONTOSO, null)
                .steps()
                .getFirst();
        assertThat(prerequisites.script())
                .contains("sqlpc11.contoso.local: inbound TCP 5022", "sqlpc12.contoso.local: inbound TCP 5022")
                .containsPattern("Winmgmt\\) running on [^\\n]*sqlpc12\\.contoso\\.local");
        assertThat(prerequisites.verify())
                .contains(
                        "Test-NetConnection -ComputerName 'sqlpc12.contoso.local' -Port 5022",
                        "Get-Service -ComputerName 'sqlpc11.contoso.local' -Name Winmgmt",
                        "Test-Path -LiteralPath '\\\\fs01.contoso.local\\pchat-mirror-seed'");
        assertThat(prerequisites.script()).contains("If \\\\fs01.contoso.local\\pchat-mirror-seed cannot be reached");
    }

    @ParameterizedTest(name = "{0} ({1}) for {2}")
    @MethodSource("everyRoute")
    void getCsDatabaseMirrorStateIsNeverTheOnlyCheckBecauseLync2013HasNone(
            ProcedureGenerator generator, String variant, String sample) {
        for (Step step : procedure(generator, sample, variant).steps()) {
            if (step.script() != null && step.script().contains("Get-CsDatabaseMirrorState")) {
                assertThat(step.warnings())
                        .anySatisfy(note -> assertThat(note.ruleId()).isEqualTo("C-3"));
                assertThat(step.verify()).contains("sys.database_mirroring");
            }
            assertThat(step.verify() == null || !step.verify().startsWith("Get-CsDatabaseMirrorState"))
                    .as("step %d verifies with a Skype for Business 2015 cmdlet only", step.number())
                    .isTrue();
        }
    }

    @Test
    void aPoolWithoutWitnessIsToldToForceServiceWhenThePrincipalIsLost() {
        Procedure procedure = procedure(new ConfigureMirroring(), TopologySamples.TAILSPIN, null);
        assertThat(procedure.warnings())
                .anySatisfy(note -> assertThat(note.message()).contains("principal-lost", "may lose data"));
    }

    @Test
    void principalLostForcesServiceOnTheMirrorInAStepTheDataLossGateStopsBefore() {
        Procedure procedure = procedure(new MirroringFailover(), TopologySamples.CONTOSO, "principal-lost");
        Step force = procedure.steps().stream()
                .filter(step -> step.ruleId().equals(MirroringFailover.FORCE_SERVICE_RULE))
                .filter(scriptHas("-Force"))
                .findFirst()
                .orElseThrow();
        assertThat(force.script())
                .isEqualTo("Invoke-CsDatabaseFailover -PoolFqdn 'pchat.contoso.local' -DatabaseType PersistentChat"
                        + " -NewPrincipal Mirror -Force -Verbose");
        assertThat(force.undo()).isNull();
        assertThat(procedure.steps())
                .as("only the forcing step cites C-8, so the gate stops before it")
                .filteredOn(step -> step.ruleId().equals("C-8"))
                .containsExactly(force);
        assertThat(force.warnings())
                .anySatisfy(note -> assertThat(note.message()).contains("may lose"))
                .anySatisfy(note -> assertThat(note.message())
                        .contains(
                                "sqlpc02.contoso.local\\PCHAT",
                                "ALTER DATABASE [mgc] SET PARTNER FORCE_SERVICE_ALLOW_DATA_LOSS;"));
        assertThat(procedure.warnings())
                .anySatisfy(note -> assertThat(note.ruleId()).isEqualTo("C-8"));
        assertThat(procedure.steps().getFirst().target().name()).isEqualTo("sqlpc02.contoso.local\\PCHAT");
    }

    @Test
    void principalLostForcesEveryDatabaseBeforeAnySessionWaitsForTheOldPrincipal() {
        Procedure procedure = procedure(new MirroringFailover(), TopologySamples.NORTHWIND, "principal-lost");
        int compliance =
                first(procedure, scriptHas("-DatabaseType PersistentChatCompliance -NewPrincipal Mirror -Force"));
        int resume = first(procedure, scriptHas("SET PARTNER RESUME"));
        assertThat(compliance).isLessThan(resume);
    }

    @Test
    void aShareOnThePrimarysHostIsWarnedAboutAndTheMirrorGetsItsRightsOnTheShare() {
        Procedure logShipping = procedure(new ConfigureLogShipping(), TopologySamples.TAILSPIN, null);
        assertThat(logShipping.warnings())
                .anySatisfy(
                        note -> assertThat(note.message()).contains("\\\\sqla.tailspin.co.uk\\LogShipping", "T-15"));
        Procedure fromMirror = procedure(new ConfigureLogShippingFromMirror(), TopologySamples.TAILSPIN, null);
        assertThat(fromMirror.warnings())
                .anySatisfy(note -> assertThat(note.ruleId()).isEqualTo("L-5"))
                .anySatisfy(note -> assertThat(note.message()).contains("sqla.tailspin.co.uk", "C-10"));
        String rights = "Grant read and write (Modify) on \\\\sqla.tailspin.co.uk\\LogShipping to TAILSPIN\\SQLB$";
        assertThat(everything(fromMirror)).contains(rights);
        assertThat(everything(logShipping)).contains(rights);
        assertThat(procedure(new ConfigureLogShipping(), TopologySamples.CONTOSO, null)
                        .warnings())
                .noneMatch(note -> note.message().contains("primary’s own host"));
    }

    @Test
    void localPathsNameTheServerTheyAreOn() {
        String tsql = everything(procedure(new ConfigureLogShipping(), TopologySamples.TAILSPIN, "tsql"));
        assertThat(tsql).contains("D:\\LogShipping on sqla.tailspin.co.uk");
        String ssms = everything(procedure(new ConfigureLogShipping(), TopologySamples.CONTOSO, "ssms"));
        assertThat(ssms).contains("D:\\PChatLogShipCopy on sqlpc11.contoso.local");
    }

    @Test
    void everyLogShippingRouteSaysWhatToDoWhenTheShareIsUnreachable() {
        for (String variant : List.of("tsql", "ssms")) {
            assertThat(everything(procedure(new ConfigureLogShipping(), TopologySamples.CONTOSO, variant)))
                    .contains("When \\\\fs01.contoso.local\\pchat-logship cannot be reached");
            assertThat(everything(procedure(new ConfigureLogShippingFromMirror(), TopologySamples.CONTOSO, variant)))
                    .contains("When \\\\fs01.contoso.local\\pchat-logship cannot be reached");
        }
    }

    @Test
    void theMirrorAsSecondPrimaryGetsItsOwnAlertJobWhenThereIsNoMonitor() {
        for (String variant : List.of("tsql", "ssms")) {
            Procedure procedure = procedure(new ConfigureLogShippingFromMirror(), TopologySamples.TAILSPIN, variant);
            Step alert = procedure.steps().get(first(procedure, scriptHas("sp_add_log_shipping_alert_job")) - 1);
            assertThat(alert.target().name()).isEqualTo("sqlb.tailspin.co.uk\\PCHAT_B");
        }
        assertThat(procedure(new ConfigureLogShippingFromMirror(), TopologySamples.CONTOSO, null)
                        .steps())
                .noneMatch(scriptHas("sp_add_log_shipping_alert_job"));
    }
}
