package org.pchatdr.portal.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code portal.backup.dir}: the folder the portal writes its backups to ({@code PORTAL_BACKUP_DIR}). */
@ConfigurationProperties("portal.backup")
public record BackupSettings(Path dir) {}
