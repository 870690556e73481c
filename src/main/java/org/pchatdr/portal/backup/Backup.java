package org.pchatdr.portal.backup;

import java.nio.file.Path;
import java.time.Instant;

/** One backup the portal wrote: a ZIP holding the database file, restorable by unzipping it. */
public record Backup(Path file, long bytes, Instant at) {}
