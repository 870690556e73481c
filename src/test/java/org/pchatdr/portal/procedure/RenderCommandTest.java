package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatdr.portal.topology.Contoso;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RenderCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesTheProcedureAsJsonAndExitsZero() throws IOException {
        int code = run("--topology", contoso(), "--pool", "pchat.contoso.local", "--procedure", EchoGenerator.NAME);

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        JsonNode json = JsonMapper.builder().build().readTree(out());
        assertThat(json.get("procedure").asString()).isEqualTo(EchoGenerator.NAME);
        assertThat(json.get("variant").asString()).isEqualTo("plain");
        assertThat(json.get("topology").get("name").asString()).isEqualTo("Contoso production");
        assertThat(json.get("topology").get("sha256").asString()).hasSize(64);
        assertThat(json.get("steps").size()).isEqualTo(4);
    }

    @Test
    void writesTheBinderPageInFrenchWithOptionsInEitherSpelling() throws IOException {
        int code = run(
                "--topology=" + contoso(),
                "--pool",
                "pchat.contoso.local",
                "--procedure",
                EchoGenerator.NAME,
                "--variant",
                "plain",
                "--format=markdown",
                "--lang",
                "fr");

        assertThat(code).isZero();
        assertThat(out())
                .startsWith("# test-echo (plain)\n")
                .contains("## Étape 1 : ")
                .contains("lue dans un fichier");
    }

    @Test
    void aTopologyThatBreaksRulesExitsTwoWithEachErrorOnStandardError() throws IOException {
        Path broken = write(Contoso.text().replace("\"active\": false", "\"active\": true"));

        int code = run(
                "--topology", broken.toString(), "--pool", "pchat.contoso.local", "--procedure", EchoGenerator.NAME);

        assertThat(code).isEqualTo(RenderCommand.UNUSABLE);
        assertThat(out()).isEmpty();
        assertThat(err())
                .startsWith("The topology in " + broken + " cannot be used to generate a procedure:\n")
                .containsPattern("(?m)^pools\\[0\\]\\S*  T-1  Pool pchat.contoso.local has ")
                .doesNotContain("Usage");
    }

    @Test
    void aDocumentThatIsNoTopologyExitsTwoWithItsStructuralErrorsInTheChosenLanguage() throws IOException {
        Path broken = write("{\"format\": \"pchat-dr-topology/9\"}");

        int code =
                run("--topology", broken.toString(), "--pool", "p", "--procedure", EchoGenerator.NAME, "--lang", "fr");

        assertThat(code).isEqualTo(RenderCommand.UNUSABLE);
        assertThat(err())
                .startsWith("La topologie de " + broken + " ne permet pas de générer une procédure :\n")
                .contains("structure")
                .contains("pchat-dr-topology/9");
    }

    @Test
    void aValueThatCannotBeQuotedExitsTwo() throws IOException {
        int code = run(
                "--topology",
                contoso(),
                "--pool",
                "pchat.contoso.local",
                "--procedure",
                EchoGenerator.NAME,
                "--variant",
                "unsafe");

        assertThat(code).isEqualTo(RenderCommand.UNUSABLE);
        assertThat(err()).contains("mgc\\u000AGO");
    }

    @Test
    void wrongArgumentsExitSixtyFourWithTheReasonAndTheUsage() throws IOException {
        String contoso = contoso();
        List<List<String>> wrong = List.of(
                List.of(
                        "--topology",
                        contoso,
                        "--pool",
                        "pchat.contoso.local",
                        "--procedure",
                        EchoGenerator.NAME,
                        "--colour",
                        "red"),
                List.of("--pool", "pchat.contoso.local", "--procedure", EchoGenerator.NAME),
                List.of("--topology", contoso, "--pool", "pchat.contoso.local", "--procedure"),
                List.of("--topology", contoso, "--pool", "pchat.contoso.local", "--procedure", "site-teleport"),
                List.of(
                        "--topology",
                        contoso,
                        "--pool",
                        "pchat.contoso.local",
                        "--procedure",
                        EchoGenerator.NAME,
                        "--variant",
                        "sideways"),
                List.of("--topology", contoso, "--pool", "pchat.nowhere.local", "--procedure", EchoGenerator.NAME),
                List.of("--topology", folder.resolve("missing.json").toString(), "--pool", "p", "--procedure", "x"),
                List.of(
                        "--topology",
                        contoso,
                        "--pool",
                        "pchat.contoso.local",
                        "--procedure",
                        EchoGenerator.NAME,
                        "--format",
                        "pdf"),
                List.of(
                        "--topology",
                        contoso,
                        "--pool",
                        "pchat.contoso.local",
                        "--procedure",
                        EchoGenerator.NAME,
                        "--lang",
                        "de"),
                List.of("--topology", contoso, "--topology", contoso, "--pool", "p", "--procedure", "x"));
        List<String> reasons = List.of(
                "Unknown option “--colour”.",
                "Option --topology is required.",
                "Option --procedure needs a value.",
                "There is no procedure “site-teleport”.",
                "Procedure test-echo has no variant “sideways”. Its variants are: plain, unsafe.",
                "has no pool “pchat.nowhere.local”",
                "Cannot read the topology file " + folder.resolve("missing.json"),
                "Unknown format “pdf”",
                "Unknown language “de”",
                "Option --topology is given twice.");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < wrong.size(); i++) {
            out.reset();
            err.reset();
            int code = run(wrong.get(i).toArray(String[]::new));
            if (code != RenderCommand.USAGE
                    || !err().contains(reasons.get(i))
                    || !err().contains("Usage: java -jar pchat-dr-portal.jar render --topology FILE")
                    || !out().isEmpty()) {
                failures.add(wrong.get(i) + " → " + code + "\n" + err());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theUsageComesInFrenchWithLangFr() {
        int code = run("--procedure", "x", "--lang", "fr");

        assertThat(code).isEqualTo(RenderCommand.USAGE);
        assertThat(err()).contains("L’option --topology est obligatoire.").contains("Usage : java -jar");
    }

    @Test
    void helpPrintsTheUsageOnStandardOutput() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("Usage: java -jar pchat-dr-portal.jar render");
    }

    @Test
    void aProcedureThatDoesNotApplyToThePoolIsAWrongRequestNotACrash() throws IOException {
        String withoutMirror = Contoso.textWith("\"mirror\": \"par-sql-2\"", "\"mirror\": null")
                .replace("\"witness\": \"par-wit\"", "\"witness\": null");

        int code = run(
                "--topology",
                write(withoutMirror).toString(),
                "--pool",
                "pchat.contoso.local",
                "--procedure",
                "configure-mirroring");

        assertThat(code).isEqualTo(64);
        assertThat(out()).isEmpty();
        assertThat(err())
                .contains("Procedure configure-mirroring does not apply to pool pchat.contoso.local")
                .contains("no mirror")
                .contains("(M-2)");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "render";
        System.arraycopy(args, 0, all, 1, args.length);
        return RenderCommand.run(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String contoso() throws IOException {
        return write(Contoso.text()).toString();
    }

    private Path write(String document) throws IOException {
        Path file = Files.createTempFile(folder, "topology", ".json");
        Files.writeString(file, document, StandardCharsets.UTF_8);
        return file;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
