package org.pchatdr.portal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.sql.DataSource;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded H2 database with H2's {@code BACKUP TO}: it copies the database
 * file while the portal keeps working, and the copy is transactionally consistent because H2 copies
 * its transaction log with it (H2's grammar, "BACKUP"). The ZIP holds {@code portal.mv.db}; restoring
 * is unzipping it into an empty data folder (README, "Backups").
 *
 * <p>Only administrators may take one: a backup holds every account's password hash and the whole
 * audit trail.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final BackupSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BackupService(DataSource dataSource, BackupSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes a new backup into the configured folder and records it on the audit trail. Refused
     * ({@code backup_not_embedded}) when the database is not an embedded H2 file: SQL Server and H2
     * servers are backed up with their own tools, and an in-memory demo database is not worth one.
     */
    public Backup backUp() {
        Instant at = clock.instant();
        Path file;
        try (Connection connection = dataSource.getConnection()) {
            requireEmbeddedH2File(connection.getMetaData().getURL());
            Path folder = settings.dir().toAbsolutePath().normalize();
            Files.createDirectories(folder);
            file = unusedName(folder, at);
            try (Statement statement = connection.createStatement()) {
                // The name is the portal's own (a folder from the configuration and a time stamp),
                // never a user's text; quotes are doubled all the same.
                statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be backed up", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup folder could not be written", e);
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(
                new DatabaseBackedUp(CurrentUser.actor(), file.getFileName().toString(), bytes));
        log.info("Database backed up to {} ({} bytes)", file, bytes);
        return new Backup(file, bytes, at);
    }

    /** Whether {@link #backUp()} can work here: the database is an embedded H2 file. */
    public boolean isAvailable() {
        try (Connection connection = dataSource.getConnection()) {
            return isEmbeddedH2File(connection.getMetaData().getURL());
        } catch (SQLException e) {
            return false;
        }
    }

    static void requireEmbeddedH2File(String url) {
        if (!isEmbeddedH2File(url)) {
            throw new PortalException(Kind.CONFLICT, "backup_not_embedded");
        }
    }

    /**
     * {@code jdbc:h2:file:…} or a bare path ({@code jdbc:h2:./data/portal}); not {@code mem:}, nor a
     * server ({@code tcp:}, {@code ssl:}), whose files are on another machine, nor another database.
     */
    static boolean isEmbeddedH2File(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !(rest.startsWith("mem:")
                || rest.startsWith("tcp:")
                || rest.startsWith("ssl:")
                || rest.startsWith("zip:"));
    }

    private static Path unusedName(Path folder, Instant at) {
        String stamp = STAMP.format(at);
        Path file = folder.resolve("portal-" + stamp + "Z.zip");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve("portal-" + stamp + "Z-" + n + ".zip");
        }
        return file;
    }
}
