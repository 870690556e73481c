package org.pchatdr.portal.backup;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code backup --to FILE [--url URL]}: asks the running portal for a consistent online backup of
 * its embedded database ({@code POST /api/v1/backups}) and writes the ZIP to FILE. The portal holds
 * its H2 file open, so no other process may open it: the command is a client of the REST API, with
 * an administrator's API token from {@code PORTAL_API_TOKEN} (never on the command line, where
 * {@code ps} shows it). Like {@code render}, it runs before Spring starts.
 *
 * <p>Exit codes: {@value #OK} with the file written; {@value #FAILED} when the portal refused or
 * could not be reached (its reason on standard error, nothing written); {@value #USAGE} on wrong
 * arguments.
 */
public final class BackupCommand {

    public static final String NAME = "backup";
    public static final int OK = 0;
    public static final int FAILED = 1;
    /** {@code EX_USAGE} of BSD's sysexits.h. */
    public static final int USAGE = 64;

    static final String TOKEN_VARIABLE = "PORTAL_API_TOKEN";
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private BackupCommand() {}

    /** For {@code main}: standard output and error in UTF-8, the environment and the default locale. */
    public static int runOnConsole(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return run(args, System.getenv(), Locale.getDefault(), out, err);
    }

    /** {@code args[0]} is {@code backup}; returns the exit code. */
    public static int run(
            String[] args, Map<String, String> environment, Locale locale, PrintStream out, PrintStream err) {
        ResourceBundle texts = ResourceBundle.getBundle("i18n/backup", locale);
        String to = null;
        String url = "http://127.0.0.1:" + environment.getOrDefault("PORTAL_PORT", "8080");
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if ((option.equals("--to") || option.equals("--url")) && i + 1 < args.length) {
                if (option.equals("--to")) {
                    to = args[++i];
                } else {
                    url = args[++i].replaceAll("/+$", "");
                }
            } else {
                err.println(text(texts, "backup.cli.unknown-option", option));
                err.println(text(texts, "backup.cli.usage"));
                return USAGE;
            }
        }
        if (to == null) {
            err.println(text(texts, "backup.cli.usage"));
            return USAGE;
        }
        String token = environment.get(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            err.println(text(texts, "backup.cli.no-token", TOKEN_VARIABLE));
            return USAGE;
        }
        Path target = Path.of(to).toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/backups"))
                    .header("Authorization", "Bearer " + token.strip())
                    .header("Accept-Language", locale.toLanguageTag())
                    // The API refuses any POST that is not JSON, body or not (415, decision 015):
                    // BackupRestoreJarIT found the command refused without this.
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String answer = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    err.println(text(texts, "backup.cli.refused", response.statusCode(), reason(answer)));
                    return FAILED;
                }
                // Written beside the target and moved at the end: an interrupted transfer never
                // leaves a truncated file under the name an operator would restore from.
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println(text(texts, "backup.cli.written", target, Files.size(target)));
            return OK;
        } catch (IOException e) {
            err.println(text(texts, "backup.cli.unreachable", url, String.valueOf(e.getMessage())));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Nothing more to do: the partial file is named as such.
            }
        }
    }

    /** The translated {@code message} of the portal's JSON error, or the answer itself. */
    private static String reason(String answer) {
        Matcher matcher = MESSAGE.matcher(answer);
        return matcher.find() ? matcher.group(1).replace("\\\"", "\"") : answer.strip();
    }

    private static String text(ResourceBundle texts, String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(arguments);
    }
}
