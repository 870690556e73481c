package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatdr.portal.topology.Contoso;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line as an operator runs it: the packaged jar, from another folder, with a topology
 * file. Failsafe runs this after {@code package}, so the jar exists.
 */
class RenderCommandJarIT {

    private static final Logger log = LoggerFactory.getLogger(RenderCommandJarIT.class);

    @TempDir
    Path folder;

    private Path jar;

    record Result(int code, String out, String err, long millis) {}

    @BeforeEach
    void jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("pchat-dr-portal-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No target/pchat-dr-portal-*.jar: run mvn verify"))
                    .toAbsolutePath();
        }
        Files.writeString(folder.resolve("contoso.json"), Contoso.text(), StandardCharsets.UTF_8);
        Files.writeString(
                folder.resolve("broken.json"),
                Contoso.text().replace("\"active\": false", "\"active\": true"),
                StandardCharsets.UTF_8);
    }

    /**
     * Exit 0 needs the configure-mirroring generator, which its own branch registers in the main
     * services file; until it is there, the jar must refuse the name as an unknown procedure.
     */
    @Test
    void configureMirroringIsWrittenOnceItsGeneratorIsRegisteredAndRefusedAsUnknownBefore() throws Exception {
        Result result = run(
                "render",
                "--topology",
                "contoso.json",
                "--pool",
                "pchat.contoso.local",
                "--procedure",
                "configure-mirroring");

        if (Procedures.names().contains("configure-mirroring")) {
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("{\n  \"procedure\": \"configure-mirroring\",\n");
            assertThat(result.err()).isEmpty();
        } else {
            assertThat(result.code()).isEqualTo(RenderCommand.USAGE);
            assertThat(result.err()).startsWith("There is no procedure “configure-mirroring”.");
        }
    }

    @Test
    void anUnusableTopologyExitsTwoWithItsErrorsInFrench() throws Exception {
        Result result = run(
                "render",
                "--topology",
                "broken.json",
                "--pool",
                "pchat.contoso.local",
                "--procedure",
                "site-failover",
                "--lang",
                "fr");

        assertThat(result.code()).as(result.err()).isEqualTo(RenderCommand.UNUSABLE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("La topologie de broken.json ne permet pas de générer une procédure :\n")
                .containsPattern("(?m)^pools\\[0\\]\\S*  T-1  ");
    }

    @Test
    void wrongArgumentsExitSixtyFourWithTheUsage() throws Exception {
        Result result = run("render", "--topology", "contoso.json", "--colour", "red");

        assertThat(result.code()).isEqualTo(RenderCommand.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("Unknown option “--colour”.\n")
                .contains("Usage: java -jar pchat-dr-portal.jar render --topology FILE");
    }

    /** The command line stays fast because it never starts Spring, Vaadin or Hibernate. */
    @Test
    void theCommandLoadsNoSpringVaadinOrHibernateClasses() throws Exception {
        Result result = run(
                List.of("-Xlog:class+load=info"),
                "render",
                "--topology",
                "contoso.json",
                "--pool",
                "pchat.contoso.local",
                "--procedure",
                "x");

        assertThat(result.code()).isEqualTo(RenderCommand.USAGE);
        List<String> framework = result.out()
                .lines()
                .filter(line ->
                        line.contains(" org.springframework.") && !line.contains(" org.springframework.boot.loader.")
                                || line.contains(" com.vaadin.")
                                || line.contains(" org.hibernate."))
                .toList();
        assertThat(framework).isEmpty();
        log.info("render from the jar: {} ms", result.millis());
    }

    private Result run(String... args) throws Exception {
        return run(List.of(), args);
    }

    private Result run(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        File out = folder.resolve("out.txt").toFile();
        File err = folder.resolve("err.txt").toFile();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(out)
                .redirectError(err)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("render ends").isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(
                process.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8),
                millis);
    }
}
