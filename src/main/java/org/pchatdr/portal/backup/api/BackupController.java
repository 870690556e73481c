package org.pchatdr.portal.backup.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.pchatdr.portal.backup.Backup;
import org.pchatdr.portal.backup.BackupService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/backups}: takes a backup of the embedded database (ADMIN, enforced by the
 * service), keeps it in the portal's backup folder and answers with the ZIP itself. The command
 * {@code java -jar … backup --to FILE} is a client of this endpoint, because only the running portal
 * may open its embedded database.
 */
@RestController
record BackupController(BackupService backups) {

    @PostMapping("/api/v1/backups")
    void backUp(HttpServletResponse response) throws IOException {
        Backup backup = backups.backUp();
        response.setContentType("application/zip");
        response.setContentLengthLong(backup.bytes());
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"" + backup.file().getFileName() + "\"");
        Files.copy(backup.file(), response.getOutputStream());
    }
}
