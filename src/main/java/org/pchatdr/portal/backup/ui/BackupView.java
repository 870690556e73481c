package org.pchatdr.portal.backup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.pchatdr.portal.backup.Backup;
import org.pchatdr.portal.backup.BackupService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.ActionNotices;

/**
 * An administrator backs up the embedded database here (issue 16): the backup lands in the
 * configured folder, and the page offers it for download. With SQL Server the page says that the
 * database's own backups apply instead.
 */
@Route("admin/backup")
@Menu(title = "nav.backup", order = 97)
@RolesAllowed(Roles.ADMIN)
class BackupView extends VerticalLayout implements HasDynamicTitle {

    private final BackupService backups;
    private final Div result = new Div();

    BackupView(BackupService backups) {
        this.backups = backups;
        Button backUp = new Button(getTranslation("backup.action"), click -> backUp());
        backUp.setId("back-up");
        backUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("backup-result");
        add(new H2(getTranslation("backup.title")), new Paragraph(getTranslation("backup.explanation")));
        if (backups.isAvailable()) {
            add(backUp, result);
        } else {
            Paragraph unavailable = new Paragraph(getTranslation("error.backup_not_embedded"));
            unavailable.setId("backup-unavailable");
            add(unavailable);
        }
    }

    private void backUp() {
        try {
            Backup backup = backups.backUp();
            Anchor download = new Anchor(
                    DownloadHandler.forFile(backup.file().toFile()),
                    getTranslation(
                            "backup.download", backup.file().getFileName().toString()));
            download.setId("backup-download");
            result.removeAll();
            result.add(
                    new Paragraph(getTranslation(
                            "backup.written", backup.file().toString(), Math.max(1, backup.bytes() / 1024))),
                    download);
            ActionNotices.done(getTranslation("backup.done"), 5000, Notification.Position.MIDDLE);
        } catch (PortalException e) {
            ActionNotices.refused(this, e, 5000);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("backup.title") + " · " + getTranslation("app.title");
    }
}
