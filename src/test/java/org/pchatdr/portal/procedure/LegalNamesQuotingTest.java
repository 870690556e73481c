package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pchatdr.portal.procedure.ScriptLexer.Kind;
import org.pchatdr.portal.procedure.ScriptLexer.Piece;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Mirroring;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyValues;

/**
 * C-11: every name Windows, Active Directory and SQL Server accept reaches the scripts only inside a
 * literal. For every procedure of {@link Procedures#names()} and every variant of its generator, the
 * scripts, checks and undo scripts generated from Contoso with hostile but legal names are read
 * the way SQL Server and PowerShell read them, and compared with those generated from plain names:
 * outside literals and comments they must be the same text, every literal must close, and every
 * value that reached a literal with a plain name must reach one with a hostile name. The same holds
 * for the downloadable {@code .sql} and {@code .ps1} files. No generator is named here, so new
 * generators and variants are covered as they are registered.
 */
class LegalNamesQuotingTest {

    private static final Procedure.TopologyRef REF = new Procedure.TopologyRef("contoso", 1, "0".repeat(64));

    /** Fragments that end or open a literal, a comment, a variable or a sub-expression somewhere. */
    private static final List<String> FRAGMENTS = List.of(
            "'", "''", "’", "‘", "‛", "‚", "“", "”", " ", "&", "$", "$(x)", "$env:x", "%", "%PATH%", "#", "(", ")", "{",
            "}", "@", "@'", "~", "!", "`", "``", "^", "--", "/*", "*/", ";", ",", "=", "+", "[", "]", "]]", "N'", "GO",
            "é", "ß", "中文", "Ωμέγα", "😀", "<#", "#>", "a", "Z9");

    /** Plain Contoso with a local backup folder, so that hostile and plain differ only in their names. */
    private static final Topology PLAIN = withNames(
            "\\\\fs01.contoso.local\\pchat-logship",
            "\\\\fs01.contoso.local\\pchat-mirror-seed",
            "\\\\fs01.contoso.local\\pchat-files",
            "D:\\PChatLogShipCopy",
            "E:\\PChatLogShip",
            "CONTOSO\\svc-sqlpc",
            "PCHAT");

    private static final Map<String, Generated> PLAIN_PROCEDURES = generateAll(PLAIN);

    @Property(tries = 80)
    void everyLegalNameStaysInsideItsLiteralInEveryProcedure(
            @ForAll("shareNames") String share,
            @ForAll("folderNames") String folder,
            @ForAll("accountNames") String account,
            @ForAll("instanceNames") String instance) {
        Topology hostile = withNames(
                "\\\\fs01.contoso.local\\" + share + "-ls",
                "\\\\fs01.contoso.local\\" + share + "-seed",
                "\\\\fs01.contoso.local\\" + share + "-files",
                "D:\\c-" + folder + "x\\y",
                "E:\\l-" + folder + "x\\y",
                "CONTOSO\\" + account,
                instance);
        assertThat(read(hostile)).as("the reader accepts what Windows accepts").isEqualTo(hostile);

        assertQuotedEverywhere(hostile);
    }

    /** The examples of issue 9, one by one, so that a failure names them. */
    @Example
    void theIssuesExamplesStayInsideTheirLiterals() {
        Topology topology = withNames(
                "\\\\fs01\\o'brien-logship",
                "\\\\fs01\\Journaux d'expédition",
                "\\\\fs01\\Logs & Backups$",
                "D:\\Copie d’expédition $(mgc)",
                "E:\\O'Brien [2026] {x}",
                "FABRIKAM\\o'neill",
                "PCHAT_É$");
        assertThat(read(topology)).isEqualTo(topology);

        assertQuotedEverywhere(topology);
    }

    @Example
    void aValueInAnExpandablePowerShellStringIsCaught() {
        List<Piece> plain = ScriptLexer.powerShell("Write-Host \"\\\\fs01\\share\"");
        List<Piece> hostile = ScriptLexer.powerShell("Write-Host \"\\\\fs01\\$(Stop-Computer)\"");

        assertThat(skeleton(hostile)).isNotEqualTo(skeleton(plain));
    }

    @Example
    void aValueLeftUnquotedInDynamicSqlIsCaught() {
        String plain = "SET @grant = N' TO [CONTOSO\\svc];'; EXEC sys.sp_executesql @grant;";
        String hostile = "SET @grant = N' TO CONTOSO\\o''neill;'; EXEC sys.sp_executesql @grant;";

        assertThat(differences(plain, hostile, Procedure.Language.TSQL)).isNotEmpty();
    }

    private static void assertQuotedEverywhere(Topology hostile) {
        Map<String, Generated> hostileProcedures = generateAll(hostile);
        assertThat(hostileProcedures.keySet()).isEqualTo(PLAIN_PROCEDURES.keySet());
        List<String> problems = new ArrayList<>();
        List<String> plainValues = values(PLAIN);
        List<String> hostileValues = values(hostile);
        for (var entry : PLAIN_PROCEDURES.entrySet()) {
            Generated plain = entry.getValue();
            Generated other = hostileProcedures.get(entry.getKey());
            assertThat(other.scripts().size())
                    .as(entry.getKey())
                    .isEqualTo(plain.scripts().size());
            List<String> plainLiterals = new ArrayList<>();
            List<String> hostileLiterals = new ArrayList<>();
            for (int index = 0; index < plain.scripts().size(); index++) {
                Script a = plain.scripts().get(index);
                Script b = other.scripts().get(index);
                for (String difference : differences(a.text(), b.text(), a.language())) {
                    problems.add(entry.getKey() + " " + a.where() + ": " + difference);
                }
                plainLiterals.addAll(literals(a.text(), a.language()));
                hostileLiterals.addAll(literals(b.text(), b.language()));
            }
            for (int field = 0; field < plainValues.size(); field++) {
                String plainValue = plainValues.get(field);
                String hostileValue = hostileValues.get(field);
                boolean reachedBefore = plainLiterals.stream().anyMatch(value -> value.contains(plainValue));
                boolean reachesNow = hostileLiterals.stream().anyMatch(value -> value.contains(hostileValue));
                if (reachedBefore && !reachesNow) {
                    problems.add(entry.getKey() + ": " + hostileValue + " no longer reaches a literal");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** What the scripts and the literals of a procedure say, in the order they are generated. */
    private record Script(String where, Procedure.Language language, String text) {}

    private record Generated(List<Script> scripts) {}

    private static Map<String, Generated> generateAll(Topology topology) {
        Map<String, Generated> all = new LinkedHashMap<>();
        for (String name : Procedures.names()) {
            List<String> variants = Procedures.generator(name).orElseThrow().variants();
            for (String variant : variants.isEmpty() ? Collections.<String>singletonList(null) : variants) {
                try {
                    Procedure procedure = Procedures.generate(
                            topology,
                            REF,
                            topology.pools().getFirst().fqdn(),
                            name,
                            variant,
                            Locale.ENGLISH,
                            Instant.EPOCH);
                    all.put(name + (variant == null ? "" : "/" + variant), new Generated(scripts(procedure)));
                } catch (ProcedureException e) {
                    if (e.reason() != ProcedureException.Reason.NOT_APPLICABLE) {
                        throw e;
                    }
                }
            }
        }
        return all;
    }

    private static List<Script> scripts(Procedure procedure) {
        List<Script> scripts = new ArrayList<>();
        for (Procedure.Step step : procedure.steps()) {
            Procedure.Language language = step.language();
            if (language == null || language == Procedure.Language.NONE) {
                continue;
            }
            String where = "step " + step.number();
            if (step.script() != null) {
                scripts.add(new Script(where + " script", language, step.script()));
            }
            if (step.verify() != null) {
                scripts.add(new Script(where + " verify", language, step.verify()));
            }
            if (step.undo() != null && step.undo().contains("\n")) {
                // An undo is a sentence, then the script that does it (ConfigureParts.textThen).
                scripts.add(new Script(
                        where + " undo",
                        language,
                        step.undo().substring(step.undo().indexOf('\n') + 1)));
            }
        }
        ProcedureScripts.sqlByInstance(procedure)
                .values()
                .forEach(file -> scripts.add(new Script(".sql file", Procedure.Language.TSQL, file)));
        String powerShell = ProcedureScripts.powerShell(procedure);
        if (!powerShell.isEmpty()) {
            scripts.add(new Script(".ps1 file", Procedure.Language.POWERSHELL, powerShell));
        }
        return scripts;
    }

    /**
     * How two scripts differ outside their literals and comments, what does not lex, and values
     * that PowerShell would read as wildcards. Strings of dynamic SQL (those whose plain version
     * holds quoted names itself) are compared the same way, one level down.
     */
    private static List<String> differences(String plain, String hostile, Procedure.Language language) {
        List<Piece> a;
        List<Piece> b;
        try {
            a = lex(plain, language);
        } catch (IllegalArgumentException e) {
            return List.of("the plain script does not lex: " + e.getMessage());
        }
        try {
            b = lex(hostile, language);
        } catch (IllegalArgumentException e) {
            return List.of("a literal or comment is never closed: " + e.getMessage());
        }
        if (!skeleton(a).equals(skeleton(b))) {
            return List.of("the code outside literals changed:\n" + skeleton(a) + "\n---\n" + skeleton(b));
        }
        List<String> differences = new ArrayList<>();
        for (int index = 0; index < a.size(); index++) {
            Piece before = a.get(index);
            Piece after = b.get(index);
            if (language == Procedure.Language.TSQL && before.kind() == Kind.STRING && isDynamicSql(before.value())) {
                differences.addAll(differences(before.value(), after.value(), language));
            }
            if (language == Procedure.Language.POWERSHELL
                    && after.kind() == Kind.STRING
                    && !before.value().equals(after.value())
                    && index > 0
                    && a.get(index - 1)
                            .raw()
                            .stripTrailing()
                            .toLowerCase(Locale.ROOT)
                            .matches("(?s).*-(path|filter|include)$")) {
                differences.add("a name goes to a parameter that expands wildcards ([ ] are legal in folder names): "
                        + a.get(index - 1).raw().strip() + " " + after.raw());
            }
        }
        return differences;
    }

    private static boolean isDynamicSql(String value) {
        try {
            return ScriptLexer.tsql(value).stream().anyMatch(piece -> piece.kind() != Kind.CODE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<Piece> lex(String script, Procedure.Language language) {
        return language == Procedure.Language.TSQL ? ScriptLexer.tsql(script) : ScriptLexer.powerShell(script);
    }

    /** The script with every literal and comment replaced by its kind: what the engine runs whatever the names. */
    private static String skeleton(List<Piece> pieces) {
        return pieces.stream()
                .map(piece -> switch (piece.kind()) {
                    case CODE, EXPANDABLE -> piece.raw();
                    default -> "⟨" + piece.kind() + "⟩";
                })
                .collect(Collectors.joining());
    }

    /** The contents of every literal, dynamic SQL included, as the engine reads them. */
    private static List<String> literals(String script, Procedure.Language language) {
        List<String> values = new ArrayList<>();
        List<Piece> pieces;
        try {
            pieces = lex(script, language);
        } catch (IllegalArgumentException e) {
            return values; // differences() reports it
        }
        for (Piece piece : pieces) {
            if (piece.kind() == Kind.STRING || piece.kind() == Kind.IDENTIFIER) {
                values.add(piece.value());
                if (language == Procedure.Language.TSQL && isDynamicSql(piece.value())) {
                    values.addAll(literals(piece.value(), language));
                }
            }
        }
        return values;
    }

    /** The names {@link #withNames} sets, in the same order for every topology. */
    private static List<String> values(Topology topology) {
        Pool pool = topology.pools().getFirst();
        SqlInstance primary = topology.sqlInstance("par-sql-1").orElseThrow();
        return List.of(
                pool.logShipping().share(),
                pool.mirroring().fileShare(),
                pool.fileStore(),
                pool.logShipping().copyDestination(),
                pool.logShipping().primaryLocalPath(),
                primary.serviceAccount(),
                primary.instance());
    }

    /** The topology after a write and a read: what an import of its document gives. */
    private static Topology read(Topology topology) {
        ReadResult result = TopologyFormat.read(TopologyFormat.write(topology));
        assertThat(result).as("%s", result).isInstanceOf(ReadResult.Read.class);
        return ((ReadResult.Read) result).topology();
    }

    /** Contoso with every share, folder, service account and named instance replaced. */
    private static Topology withNames(
            String logShippingShare,
            String seedShare,
            String fileStore,
            String copyFolder,
            String localFolder,
            String account,
            String instanceName) {
        return Contoso.with(d -> {
            for (Contoso.InstanceDraft instance : d.sqlInstances) {
                instance.instance = instance.instance == null ? null : instanceName;
                instance.serviceAccount = account;
            }
            Contoso.PoolDraft pool = d.pool();
            pool.fileStore = fileStore;
            pool.mirroring = new Mirroring(pool.mirroring.partnerPort(), pool.mirroring.witnessPort(), seedShare);
            pool.logShipping.share = logShippingShare;
            pool.logShipping.primaryLocalPath = localFolder;
            pool.logShipping.copyDestination = copyFolder;
        });
    }

    private static Arbitrary<String> mixed(int maxParts) {
        return Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(maxParts).map(parts -> String.join("", parts));
    }

    /** Without what MS-FSCC 2.1.6 refuses in share names; everything else stays. */
    @Provide
    Arbitrary<String> shareNames() {
        return mixed(8).map(without("\"\\/[]:|<>+=;,*?")).filter(name -> !name.isEmpty());
    }

    /** Without what Windows refuses in folder names; {@code c-…\x} around it keeps clear of device names and trailing dots. */
    @Provide
    Arbitrary<String> folderNames() {
        return mixed(8).map(without("\"\\/:|<>*?"));
    }

    /** Without what Active Directory refuses in account names, at most 20 characters, no final period. */
    @Provide
    Arbitrary<String> accountNames() {
        return mixed(6).map(without("\"/\\[]:;|=,+*?<>@"))
                .map(name -> "a" + name)
                .filter(name -> TopologyValues.isServiceAccount("CONTOSO\\" + name));
    }

    /** Letters of any script, digits, {@code _} and {@code $}, as SQL Server Setup accepts. */
    @Provide
    Arbitrary<String> instanceNames() {
        return Arbitraries.of("é", "ß", "中", "文", "Ω", "$", "_", "A", "z", "9", "١")
                .list()
                .ofMinSize(0)
                .ofMaxSize(12)
                .map(parts -> "P" + String.join("", parts))
                .filter(TopologyValues::isInstanceName);
    }

    private static UnaryOperator<String> without(String refused) {
        return name -> name.codePoints()
                .filter(c -> refused.indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
