package org.pchatdr.portal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code backup} command's answers before and without a portal to talk to. */
class BackupCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutATargetFileTheUsageIsShownAndTheExitCodeIsSixtyFour() {
        int code = run(Map.of("PORTAL_API_TOKEN", "pcdr_x"), Locale.ENGLISH, "backup");

        assertThat(code).isEqualTo(BackupCommand.USAGE);
        assertThat(err()).startsWith("Usage: java -jar pchat-dr-portal.jar backup --to FILE [--url URL]");
    }

    @Test
    void withoutATokenItSaysWhichVariableToSetInFrench() {
        int code = run(
                Map.of(),
                Locale.FRENCH,
                "backup",
                "--to",
                folder.resolve("b.zip").toString());

        assertThat(code).isEqualTo(BackupCommand.USAGE);
        assertThat(err()).contains("Renseignez PORTAL_API_TOKEN avec le jeton d’API d’un administrateur");
    }

    @Test
    void anUnreachablePortalFailsWithExitOneAndWritesNoFile() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path target = folder.resolve("b.zip");

        int code = run(
                Map.of("PORTAL_API_TOKEN", "pcdr_x"),
                Locale.ENGLISH,
                "backup",
                "--to",
                target.toString(),
                "--url",
                "http://127.0.0.1:" + port);

        assertThat(code).isEqualTo(BackupCommand.FAILED);
        assertThat(err()).startsWith("The portal at http://127.0.0.1:" + port + " could not be reached");
        assertThat(target).doesNotExist();
        assertThat(Files.list(folder)).isEmpty();
    }

    private int run(Map<String, String> environment, Locale locale, String... args) {
        return BackupCommand.run(
                args,
                environment,
                locale,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
