/**
 * Backups of the embedded H2 database (issue 16): a consistent online copy taken by an administrator
 * in the portal, through the REST API, or with {@code java -jar … backup --to FILE}, which asks the
 * running portal for one. SQL Server is refused: it has its own backups.
 */
@ApplicationModule(
        displayName = "Backups",
        allowedDependencies = {"base", "base :: api", "base :: ui"})
package org.pchatdr.portal.backup;

import org.springframework.modulith.ApplicationModule;
