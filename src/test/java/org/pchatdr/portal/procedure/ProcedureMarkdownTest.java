package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class ProcedureMarkdownTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    private final Topology contoso = Contoso.topology();
    private final Procedure procedure = Procedures.generate(
            contoso,
            new Procedure.TopologyRef("Contoso production", 4, "ab12cd"),
            "pchat.contoso.local",
            EchoGenerator.NAME,
            null,
            Locale.ENGLISH,
            NOW);

    @Test
    void theBinderPageSaysWhereItComesFromThenGivesEveryStepWithItsScriptFenced() {
        String page = ProcedureMarkdown.write(procedure, ProcedureTexts.of(Locale.ENGLISH));

        assertThat(page)
                .startsWith("# test-echo (plain)\n")
                .contains("| Pool | `pchat.contoso.local` |")
                .contains("| Topology | Contoso production, version 4 |")
                .contains("| Topology SHA-256 | `ab12cd` |")
                .contains("| Generated (UTC) | 2026-11-26T10:15:30Z |")
                .contains("## Warnings\n\n- **P-1** Echo of pchat.contoso.local\n")
                .contains("## Step 1: Set the partner on ")
                .contains("*Rule M-4*")
                .contains("**Where:** SQL Server instance `")
                .contains("```sql\nALTER DATABASE [mgc] SET PARTNER = N'TCP://")
                .contains("```powershell\nGet-CsService -Identity 'PersistentChatServer:pchat.contoso.local'\n```")
                .contains("**Verify:**\n\n```sql\nSELECT mirroring_state_desc")
                .contains("**Warnings for this step:**\n\n- **P-2** Step warning")
                .contains("## Step 4: Decide")
                .contains("**Undo:** This step cannot be undone.");
        assertThat(page.indexOf("## Step 1")).isLessThan(page.indexOf("## Step 2"));
        assertThat(page.indexOf("## Step 3")).isLessThan(page.indexOf("## Step 4"));
    }

    @Test
    void headingsFollowTheLanguage() {
        String page = ProcedureMarkdown.write(procedure, ProcedureTexts.of(Locale.FRENCH));

        assertThat(page)
                .contains("| Topologie | Contoso production, version 4 |")
                .contains("## Étape 1 : Set the partner on ")
                .contains("*Règle M-4*")
                .contains("**Annuler :** Cette étape ne peut pas être annulée.");
    }

    @Test
    void aScriptWithBackticksCannotCloseItsFence() {
        Procedure.Step step = new Procedure.Step(
                1,
                "F-7",
                "Title\n# injected heading",
                null,
                new Procedure.Target(Procedure.TargetKind.LYNC_MANAGEMENT_SHELL, "shell", "par"),
                Procedure.Language.POWERSHELL,
                "Write-Host 'a```b'",
                null,
                null,
                List.of(),
                null);
        Procedure single = new Procedure("site-failover", "planned", "pool", null, null, List.of(), List.of(step));

        String page = ProcedureMarkdown.write(single, ProcedureTexts.of(Locale.ENGLISH));

        assertThat(page)
                .startsWith("# Site failover to the secondary data center (planned, primary site reachable)\n")
                .contains("## Step 1: Title # injected heading\n")
                .contains("````powershell\nWrite-Host 'a```b'\n````\n");
    }

    /** Issue 11: names are legal with < > & | (C-11), and display names with anything printable. */
    @Test
    void hostileNamesNeitherBecomeHtmlNorBreakTheTable() {
        Procedure.Step step = new Procedure.Step(
                1,
                "L-2",
                "Copy to \\\\fs01\\o'brien_logs *now* [x](javascript:alert(1))",
                "<details open ontoggle=alert(1)> from \\\\fs01\\Logs & Backups$",
                new Procedure.Target(Procedure.TargetKind.SQL_INSTANCE, "sql|01", "<i>PAR</i>"),
                Procedure.Language.TSQL,
                "SELECT 1;",
                "a | b ~~gone~~ &amp;",
                null,
                List.of(),
                null);
        Procedure.Step manual = new Procedure.Step(
                2,
                "L-3",
                "Decide",
                null,
                null,
                Procedure.Language.NONE,
                null,
                null,
                null,
                List.of(),
                "Remove <b>it</b> & `x`");
        Procedure hostile = new Procedure(
                "site-failover",
                "planned",
                "a|b",
                new Procedure.TopologyRef("Lyon | <b>Paris</b> & <script>alert(1)</script>", 4, "ab|12"),
                NOW,
                List.of(new Procedure.Note("T-15", "Share <img src=x onerror=alert(1)> &lt;i&gt;")),
                List.of(step, manual));

        String page = ProcedureMarkdown.write(hostile, ProcedureTexts.of(Locale.ENGLISH));

        assertThat(page)
                .doesNotContainPattern("(?<!\\\\)[<>&]")
                .contains("| Pool | `a\\|b` |")
                .contains("| Topology SHA-256 | `ab\\|12` |")
                .contains(
                        "| Topology | Lyon \\| \\<b\\>Paris\\</b\\> \\& \\<script\\>alert(1)\\</script\\>, version 4 |")
                .contains("## Step 1: Copy to \\\\\\\\fs01\\\\o'brien\\_logs \\*now\\* \\[x\\](javascript:alert(1))\n")
                .contains("\\<details open ontoggle=alert(1)\\> from \\\\\\\\fs01\\\\Logs \\& Backups$")
                .contains("**Where:** SQL Server instance `sql|01`, site \\<i\\>PAR\\</i\\>")
                .contains("**Expected:** a \\| b \\~\\~gone\\~\\~ \\&amp;")
                .contains("- **T-15** Share \\<img src=x onerror=alert(1)\\> \\&lt;i\\&gt;")
                .contains("**Undo:** Remove \\<b\\>it\\</b\\> \\& \\`x\\`");
        for (String line : page.split("\n")) {
            if (line.startsWith("| ")) {
                assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count())
                        .as("cells of %s", line)
                        .isEqualTo(3);
            }
        }
    }

    /** Issue 11: {@code $(} is legal in folder names, and sqlcmd would substitute it even inside a string. */
    @Test
    void sqlFilesSayToRunThemWithoutSqlcmdVariables() {
        Procedure.Step step = new Procedure.Step(
                1,
                "L-2",
                "Back up",
                null,
                new Procedure.Target(Procedure.TargetKind.SQL_INSTANCE, "sql1", "par"),
                Procedure.Language.TSQL,
                "BACKUP LOG [mgc] TO DISK = N'D:\\Logs $(old)\\mgc.trn';",
                null,
                null,
                List.of(),
                null);
        Procedure single = new Procedure("p", null, "pool", null, null, List.of(), List.of(step));

        String file = ProcedureScripts.sqlByInstance(single).get("sql1");

        assertThat(file)
                .startsWith("-- p for pool pool, run on sql1\n-- Run in SSMS (SQLCMD mode off) or with: sqlcmd -x ")
                .contains("-- -x stops sqlcmd from replacing $(...) inside names and strings")
                .contains("N'D:\\Logs $(old)\\mgc.trn'");
        assertThat(file.indexOf("sqlcmd -x")).isLessThan(file.indexOf("-- Step 1"));
        assertThat(ProcedureScripts.powerShell(procedure)).doesNotContain("sqlcmd");
    }

    @Test
    void scriptFilesHoldTheTSqlStepsOfEachInstanceAndThePowerShellSteps() {
        Map<String, String> sql = ProcedureScripts.sqlByInstance(procedure);
        String shell = ProcedureScripts.powerShell(procedure);

        Procedure.Step first = procedure.steps().get(0);
        Procedure.Step second = procedure.steps().get(1);
        assertThat(sql.keySet())
                .containsExactly(first.target().name(), second.target().name());
        assertThat(sql.get(first.target().name()))
                .startsWith("-- test-echo (plain) for pool pchat.contoso.local, run on "
                        + first.target().name())
                .contains("-- Step 1: " + first.title() + "\n" + first.script() + "\nGO\n")
                .doesNotContain("Step 2");
        assertThat(sql.get(second.target().name())).contains("-- Step 2: ").doesNotContain("Step 1");
        assertThat(shell)
                .contains(
                        "# Step 3: Show the pool\nGet-CsService -Identity 'PersistentChatServer:pchat.contoso.local'\n")
                .doesNotContain("ALTER DATABASE")
                .doesNotContain("Step 4");
    }

    @Test
    void aTitleCannotEndTheCommentItSitsIn() {
        Procedure.Step step = new Procedure.Step(
                1,
                "M-1",
                "Title\nDROP DATABASE [mgc]",
                null,
                new Procedure.Target(Procedure.TargetKind.SQL_INSTANCE, "sql1", "par"),
                Procedure.Language.TSQL,
                "SELECT 1;",
                null,
                null,
                List.of(),
                null);
        Procedure single = new Procedure("p", null, "pool", null, null, List.of(), List.of(step));

        assertThat(ProcedureScripts.sqlByInstance(single).get("sql1"))
                .contains("-- Step 1: Title DROP DATABASE [mgc]\nSELECT 1;\nGO\n");
    }
}
