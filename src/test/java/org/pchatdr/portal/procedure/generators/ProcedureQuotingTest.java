package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.topology.Topology;

/**
 * Names that try to end a string or an identifier stay inside their quotes, in every procedure and
 * every variant; a value that no quoting can save is refused (C-11: apostrophes, {@code $} and
 * backticks are legal in shares and accounts, {@code ]} in database names). The property test
 * {@code LegalNamesQuotingTest} reads the scripts with a lexer; this one names the exact quoted
 * text a reviewer expects.
 */
class ProcedureQuotingTest {

    static final String INSTANCE = "PC'H]AT;--";
    static final String SHARE = "\\\\fs01\\o'brien];DROP DATABASE mgc;--";
    private static final String DB = Hostile.DATABASE;

    /** Contoso with a hostile primary instance name and hostile shares. */
    private static final Topology CONTOSO = Hostile.contosoWith(INSTANCE, "sqlpc01.contoso.local", SHARE);

    /** Contoso with PowerShell's escape and sub-expression characters in its shares as well. */
    private static final Topology CONTOSO_WITH_BACKTICKS =
            Hostile.contosoWith(INSTANCE, "sqlpc01.contoso.local", "\\\\fs01\\o'brien`$(Stop-Computer)$");

    /** The scripts a person runs and the checks that follow them: prose steps are not code. */
    private static List<String> code(Procedure procedure) {
        return Stream.concat(
                        procedure.steps().stream()
                                .filter(step -> step.language() != Procedure.Language.NONE)
                                .map(Procedure.Step::script),
                        procedure.steps().stream().map(Procedure.Step::verify).filter(Objects::nonNull))
                .toList();
    }

    /** Every script and check of every step, prose steps included. */
    private static String everything(Procedure procedure) {
        StringBuilder all = new StringBuilder();
        for (Procedure.Step step : procedure.steps()) {
            all.append(step.script()).append('\n').append(step.verify()).append('\n');
        }
        return all.toString();
    }

    private static Procedure generate(String procedure, String variant, Topology topology) {
        return GeneratedProcedures.english(GeneratedProcedures.generator(procedure), topology, variant);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("org.pchatdr.portal.procedure.generators.GeneratedProcedures#routes")
    void everyRouteKeepsHostileNamesInsideTheirQuotes(String procedure, String variant) {
        for (Topology topology : List.of(CONTOSO, CONTOSO_WITH_BACKTICKS)) {
            List<String> code = code(generate(procedure, variant, topology));
            for (String script : code) {
                for (String line : script.split("\n")) {
                    assertThat(line.chars().filter(c -> c == '\'').count() % 2)
                            .as("quotes balanced in %s", line)
                            .isZero();
                }
            }
            assertThat(String.join("\n", code)).doesNotContain("o'brien").doesNotContain("PC'H]AT");
        }
    }

    /** What a reviewer expects to read in the scripts, and the raw values that must never show. */
    static Stream<Arguments> quotedValues() {
        return Stream.of(
                arguments(
                        "configure-mirroring",
                        null,
                        CONTOSO,
                        List.of(
                                "PC''H]AT;--",
                                "-FileShare '\\\\fs01\\o''brien];DROP DATABASE mgc;--'",
                                "-SqlInstanceName 'PC''H]AT;--'"),
                        List.of()),
                arguments(
                        "configure-log-shipping",
                        null,
                        CONTOSO,
                        List.of("PC''H]AT;--", "@backup_share = N'\\\\fs01\\o''brien];DROP DATABASE mgc;--',"),
                        List.of()),
                arguments(
                        "site-failover",
                        "planned",
                        Hostile.pool("D:\\co'py]"),
                        List.of(
                                "BACKUP LOG [mgc']]; DROP DATABASE [x] TO DISK = N'\\\\fs''1\\log;ship]\\mgc'']; DROP DATABASE [x_tail_20261201T093000Z.trn' WITH INIT, FORMAT, CHECKSUM, NORECOVERY;",
                                "EXEC sp_delete_log_shipping_secondary_database @secondary_database = N'mgc'']; DROP DATABASE [x';",
                                "RESTORE LOG [mgc']]; DROP DATABASE [x] FROM DISK = N'D:\\co''py]\\<file>' WITH NORECOVERY;",
                                "RESTORE DATABASE [mgc']]; DROP DATABASE [x] WITH RECOVERY;",
                                "RAISERROR(N'%s is not the online principal on this instance: connect to the principal (C-2).',"
                                        + " 16, 1, N'mgc'']; DROP DATABASE [x');",
                                "ALTER DATABASE [mgc']]; DROP DATABASE [x] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;",
                                "Stop-CsWindowsService -Name RTCCHAT -ComputerName 'pc''11.example'",
                                "robocopy '\\\\fs''1\\log;ship]' 'D:\\co''py]' 'mgc'']; DROP DATABASE [x_*.trn'",
                                "Set-CsPersistentChatState -Identity 'PersistentChatServer:o''brien.example;$(evil)' -PoolState FailedOver",
                                "-SqlServerFqdn 'sql''3.example' -SqlInstanceName 'B''K;UP'",
                                "-FileShare '\\\\seed''share'",
                                "Set-CsPersistentChatActiveServer -Identity 'Coll''ection' -ActiveServers @{Add='pc''11.example'}"),
                        List.of("[" + DB + "]", "N'" + DB + "'", "'" + DB)),
                arguments(
                        "site-failback",
                        null,
                        Hostile.pool("D:\\copy"),
                        List.of(
                                "ALTER DATABASE [mgc']]; DROP DATABASE [x] SET PARTNER OFF;",
                                "WHERE database_id = DB_ID(N'mgc'']; DROP DATABASE [x') AND mirroring_guid IS NOT NULL)",
                                "BACKUP DATABASE [mgc']]; DROP DATABASE [x] TO DISK = N'\\\\fs''1\\log;ship]\\mgc'']; DROP DATABASE [x_failback_20261201T093000Z.bak' WITH INIT, FORMAT, CHECKSUM;",
                                "RESTORE DATABASE [mgc']]; DROP DATABASE [x] FROM DISK = N'\\\\fs''1\\log;ship]\\mgc'']; DROP DATABASE [x_failback_20261201T093000Z.bak' WITH REPLACE, RECOVERY, CHECKSUM;",
                                "-SqlServerFqdn 'sql''1.example' -SqlInstanceName 'PC]HAT'",
                                "Set-CsPersistentChatActiveServer -Identity 'Coll''ection' -ActiveServers $null",
                                "Set-CsPersistentChatState -Identity 'PersistentChatServer:o''brien.example;$(evil)' -PoolState Normal"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("quotedValues")
    void hostileValuesComeOutQuotedInTsqlAndPowerShell(
            String procedure, String variant, Topology topology, List<String> quoted, List<String> raw) {
        Procedure generated = generate(procedure, variant, topology);
        assertThat(String.join("\n", code(generated))).contains(quoted);
        String everything = everything(generated);
        for (String value : raw) {
            assertThat(everything).doesNotContain(value);
        }
    }

    /** A line break in a name would start a statement of its own: no quoting helps, so generation stops. */
    static Stream<Arguments> unsafeValues() {
        Topology host = Hostile.contosoWith("PCHAT", "sqlpc01.contoso.local\n;SHUTDOWN", "\\\\fs01\\share");
        Topology copyFolder = Hostile.pool("D:\\copy\r\nGO\r\nDROP DATABASE mgc");
        return Stream.of(
                arguments("configure-mirroring", null, host),
                arguments("configure-log-shipping", null, host),
                arguments("configure-log-shipping-from-mirror", null, host),
                arguments("mirroring-failover", null, host),
                arguments("site-failover", "unplanned", copyFolder),
                arguments("site-failover", "planned", copyFolder),
                arguments("site-failback", null, Hostile.poolWithAServerNameEndingInALineBreak()));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("unsafeValues")
    void aControlCharacterInAValueStopsGeneration(String procedure, String variant, Topology topology) {
        assertThatThrownBy(() -> generate(procedure, variant, topology)).isInstanceOf(Quote.UnsafeValueException.class);
    }
}
