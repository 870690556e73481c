package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Procedures;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;

/** Section 10 of the domain reference, as it shows in the site failover and failback procedures. */
class SiteSwitchCorrectionsTest {

    private static final Pattern TAIL_BACKUP = Pattern.compile("BACKUP LOG \\[mgc] TO DISK = N'[^']*\\\\([^'\\\\]+)'");
    private static final Pattern FAILBACK_BACKUP =
            Pattern.compile("BACKUP DATABASE \\[mgc] TO DISK = N'[^']*\\\\([^'\\\\]+)' WITH INIT, FORMAT, CHECKSUM;");

    private static Procedure failover(String sample, String variant) {
        return GeneratedProcedures.english(new SiteFailover(), TopologySamples.topology(sample), variant);
    }

    private static Procedure failback(String sample) {
        return GeneratedProcedures.english(new SiteFailback(), TopologySamples.topology(sample), null);
    }

    private static Procedure generated(String name, String variant, Instant at) {
        return Procedures.generate(
                Contoso.topology(),
                new Procedure.TopologyRef("Contoso", 1, "0".repeat(64)),
                "pchat.contoso.local",
                name,
                variant,
                Locale.ENGLISH,
                at);
    }

    private static String allScripts(Procedure procedure) {
        StringBuilder all = new StringBuilder();
        procedure.steps().forEach(step -> all.append(step.script()).append('\n'));
        return all.toString();
    }

    private static String first(Pattern pattern, Procedure procedure) {
        Matcher matcher = pattern.matcher(allScripts(procedure));
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    /** C-1: a second drill never appends its tail to the first one's file, and F-3 reads exactly that file. */
    @Test
    void eachPlannedFailoverWritesItsTailLogIntoAFileOfItsOwnWhichF3RestoresExactly() {
        String monday =
                first(TAIL_BACKUP, generated(SiteFailover.NAME, "planned", Instant.parse("2026-11-30T08:00:00Z")));
        String tuesday =
                first(TAIL_BACKUP, generated(SiteFailover.NAME, "planned", Instant.parse("2026-12-01T08:00:00Z")));
        assertThat(monday).isNotEqualTo(tuesday).startsWith("mgc_tail_").endsWith(".trn");
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failover(sample, "planned");
            String tail = first(TAIL_BACKUP, procedure);
            assertThat(allScripts(procedure))
                    .as(sample)
                    .contains("\\" + tail + "' WITH INIT, FORMAT, CHECKSUM, NORECOVERY;");
            Procedure.Step restore = procedure.steps().stream()
                    .filter(step -> step.ruleId().equals("F-3"))
                    .findFirst()
                    .orElseThrow();
            assertThat(restore.script()).endsWith("\\" + tail + "' WITH NORECOVERY, FILE = 1, CHECKSUM;");
            // "Too early" on the tail is an error that stops the procedure, not a harmless refusal.
            assertThat(restore.warnings())
                    .anySatisfy(note -> assertThat(note.message())
                            .contains(tail)
                            .contains("“too early” included, stops the procedure"));
        }
    }

    /** C-1: the failback full backup gets the same treatment, and B-4 restores that file. */
    @Test
    void eachFailbackWritesItsFullBackupIntoAFileOfItsOwnWhichTheRestoreReads() {
        String one = first(FAILBACK_BACKUP, generated(SiteFailback.NAME, null, Instant.parse("2026-11-30T08:00:00Z")));
        String two = first(FAILBACK_BACKUP, generated(SiteFailback.NAME, null, Instant.parse("2026-11-30T08:00:01Z")));
        assertThat(one).isNotEqualTo(two).startsWith("mgc_failback_").endsWith(".bak");
        for (String sample : TopologySamples.NAMES) {
            Procedure procedure = failback(sample);
            String file = first(FAILBACK_BACKUP, procedure);
            assertThat(allScripts(procedure))
                    .as(sample)
                    .contains("\\" + file + "' WITH REPLACE, RECOVERY, CHECKSUM;")
                    .doesNotContain("_failback.bak'");
            Procedure.Step backup = procedure.steps().stream()
                    .filter(step -> step.ruleId().equals("B-3"))
                    .findFirst()
                    .orElseThrow();
            assertThat(backup.verify())
                    .startsWith("RESTORE VERIFYONLY FROM DISK = N'")
                    .endsWith(file + "' WITH CHECKSUM;");
        }
    }

    /** T-7, C-5: fabrikam's sites are in Toronto and Vancouver time, its next hop in Toronto. */
    @Test
    void aSurvivingSiteInAnotherTimeZoneMovesTheNextHopBeforeServersAreActivatedAndBackAtFailback() {
        for (String variant : List.of("unplanned", "planned")) {
            Procedure procedure = failover(TopologySamples.FABRIKAM, variant);
            int nextHop = GeneratedProcedures.ruleIds(procedure).indexOf("T-7") + 1;
            assertThat(nextHop).as(variant).isPositive();
            assertThat(nextHop).isLessThan(GeneratedProcedures.firstStepWith(procedure, "-ActiveServers @{Add="));
            assertThat(procedure.steps().get(nextHop - 1).purpose())
                    .contains("Topology Builder")
                    .contains("publish")
                    .contains("fe-mtl.fabrikam.com");
        }
        Procedure back = failback(TopologySamples.FABRIKAM);
        int nextHop = GeneratedProcedures.ruleIds(back).indexOf("T-7") + 1;
        assertThat(nextHop).isPositive().isLessThan(GeneratedProcedures.firstStepWith(back, "-ActiveServers @{Add="));
        assertThat(back.steps().get(nextHop - 1).purpose()).contains("fe-mtl.fabrikam.com");
        for (String sample : List.of(TopologySamples.CONTOSO, TopologySamples.NORTHWIND, TopologySamples.TAILSPIN)) {
            assertThat(GeneratedProcedures.ruleIds(failover(sample, "unplanned")))
                    .as(sample)
                    .doesNotContain("T-7");
            assertThat(GeneratedProcedures.ruleIds(failback(sample))).as(sample).doesNotContain("T-7");
        }
    }

    /** Zones compare by their UTC offsets over the year, never by name. */
    @ParameterizedTest
    @CsvSource({
        "Europe/Paris, Europe/Zurich, true",
        "Asia/Calcutta, Asia/Kolkata, true",
        "America/Toronto, America/New_York, true",
        "Europe/London, Europe/Lisbon, true",
        "America/Toronto, America/Vancouver, false",
        "America/Phoenix, America/Denver, false",
        "Europe/London, Africa/Abidjan, false"
    })
    void timeZonesAreTheSameWhenTheirOffsetsAgreeAllYear(String a, String b, boolean same) {
        assertThat(SiteSwitch.sameOffsetsOverTheYear(a, b, GeneratedProcedures.GENERATED_AT))
                .as(a + " / " + b)
                .isEqualTo(same);
    }

    @Test
    void aSurvivingSiteWhoseZoneHasAnotherNameButTheSameOffsetsKeepsTheNextHop() {
        Topology renamed = Contoso.with(d -> {
            d.sites.set(0, new Topology.Site("PAR", "Paris", "Europe/Paris"));
            d.sites.set(1, new Topology.Site("LYO", "Lyon", "Europe/Zurich"));
        });
        assertThat(GeneratedProcedures.ruleIds(GeneratedProcedures.english(new SiteFailover(), renamed, "unplanned")))
                .doesNotContain("T-7");
        Topology moved = Contoso.with(d -> {
            d.sites.set(0, new Topology.Site("PAR", "Paris", "Europe/Paris"));
            d.sites.set(1, new Topology.Site("LYO", "Londres", "Europe/London"));
        });
        assertThat(GeneratedProcedures.ruleIds(GeneratedProcedures.english(new SiteFailover(), moved, "unplanned")))
                .contains("T-7");
    }

    /** C-6: with compliance, the empty backup mgccomp is online (and mirrored) before the pool fails over. */
    @Test
    void withComplianceTheBackupComplianceDatabaseIsOnlineAndMirroredBeforeThePoolFailsOver() {
        for (String variant : List.of("unplanned", "planned")) {
            Procedure procedure = failover(TopologySamples.NORTHWIND, variant);
            int online = GeneratedProcedures.firstStepWith(procedure, "DATABASEPROPERTYEX(N'mgccomp', 'Status')");
            Procedure.Step step = procedure.steps().get(online - 1);
            assertThat(step.ruleId()).isEqualTo("C-6");
            assertThat(step.target().name()).isEqualTo("sqlcomp11.northwind.ch\\MGCCOMP");
            assertThat(step.verify()).contains("state_desc").contains("N'mgccomp'");
            assertThat(online)
                    .isGreaterThan(GeneratedProcedures.lastStepWith(procedure, "RESTORE LOG"))
                    .isLessThan(GeneratedProcedures.firstStepWith(procedure, "-PoolState FailedOver"));
            assertThat(allScripts(procedure))
                    .contains(
                            "Install-CsMirrorDatabase -DatabaseType PersistentChatCompliance -FileShare '\\\\dfs.northwind.ch\\SQL-Amorçage' -SqlServerFqdn 'sqlcomp11.northwind.ch' -SqlInstanceName 'MGCCOMP'");
            // F-0 stands: the content is still not failed over.
            assertThat(GeneratedProcedures.ruleIds(procedure)).contains("F-0");
        }
        assertThat(allScripts(failover(TopologySamples.CONTOSO, "unplanned"))).doesNotContain("mgccomp");
    }

    /** F-2 cannot read the monitor row F-1 deleted: it lists the copy folder and compares with F-1's note. */
    @Test
    void theCopyIsCheckedAgainstTheFolderAndWhatF1NotedAndSaysWhatToDoWithoutTheShare() {
        for (String sample : TopologySamples.NAMES) {
            for (String variant : List.of("unplanned", "planned")) {
                Procedure.Step copy = failover(sample, variant).steps().stream()
                        .filter(step -> step.ruleId().equals("F-2"))
                        .findFirst()
                        .orElseThrow();
                assertThat(copy.verify()).as(sample).doesNotContain("log_shipping_monitor_secondary");
                assertThat(copy.verify()).startsWith("Get-ChildItem -LiteralPath ");
                assertThat(copy.expected()).contains("noted at F-1");
                assertThat(copy.warnings())
                        .anySatisfy(note -> assertThat(note.message()).startsWith("If the share cannot be reached"));
            }
        }
    }

    /** Local paths name their host: the copy folder is on the backup's host, a P-8 folder on the primary's. */
    @Test
    void localPathsSayOnWhichServerTheyAre() {
        for (String sample : TopologySamples.NAMES) {
            Topology topology = TopologySamples.topology(sample);
            Topology.Pool pool = topology.pools().getFirst();
            String backupHost = Places.instance(
                            topology, Places.chatDatabase(pool).backup())
                    .host();
            Procedure.Step copy = failover(sample, "unplanned").steps().stream()
                    .filter(step -> step.ruleId().equals("F-2"))
                    .findFirst()
                    .orElseThrow();
            assertThat(copy.target().name()).as(sample).contains(backupHost);
            assertThat(copy.purpose()).startsWith("On " + backupHost + ", where the copy folder");
        }
        Procedure tailspin = failover(TopologySamples.TAILSPIN, "planned");
        assertThat(tailspin.steps().stream().flatMap(step -> step.warnings().stream()))
                .anySatisfy(note -> assertThat(note.message())
                        .contains("D:\\LogShipping\\mgc_tail_")
                        .contains(" on sqla.tailspin.co.uk"));
    }

    /**
     * C-3: Get-CsDatabaseMirrorState -DatabaseType PersistentChat exists in Skype for Business Server
     * 2015 only; the topology does not say which product runs, so sys.database_mirroring is given too.
     */
    @Test
    void everyMirroringCheckAlsoGivesTheLync2013Query() {
        int checked = 0;
        for (String sample : TopologySamples.NAMES) {
            List<Procedure> procedures =
                    List.of(failover(sample, "unplanned"), failover(sample, "planned"), failback(sample));
            for (Procedure procedure : procedures) {
                List<Procedure.Step> checks = procedure.steps().stream()
                        .filter(step -> step.verify() != null && step.verify().contains("Get-CsDatabaseMirrorState"))
                        .toList();
                checked += checks.size();
                assertThat(checks)
                        .allSatisfy(step -> assertThat(step.verify())
                                .contains("# Skype for Business Server 2015:")
                                .contains("-- Lync Server 2013 (")
                                .contains("FROM sys.database_mirroring"));
            }
        }
        assertThat(checked).as("mirror state checks seen across the samples").isPositive();
        assertThat(failover(TopologySamples.CONTOSO, "unplanned").steps())
                .anySatisfy(step -> assertThat(step.verify()).contains("Get-CsDatabaseMirrorState"));
    }
}
