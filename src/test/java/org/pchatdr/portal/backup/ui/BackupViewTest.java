package org.pchatdr.portal.backup.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.backup.BackupService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The backup page on the tests' in-memory database: there is nothing the portal should back up
 * itself, and it says which tools to use instead. Backups of a real file database are proven with
 * the packaged jar in {@code BackupRestoreJarIT}.
 */
class BackupViewTest extends KaribuTest {

    @Autowired
    BackupService backups;

    @Test
    void anAdministratorOnADatabaseThatIsNotAnEmbeddedFileIsToldToUseItsOwnBackups() {
        signIn("backup-admin", Role.ADMIN);
        navigate("admin/backup");

        assertThat(_get(Paragraph.class, spec -> spec.withId("backup-unavailable"))
                        .getText())
                .startsWith("Backups here are for the embedded H2 database only.")
                .contains("SQL Server: BACKUP DATABASE");
        _assertNone(Button.class, spec -> spec.withId("back-up"));
    }

    @Test
    void onlyAnAdministratorMayTakeABackup() {
        signIn("backup-operator", Role.OPERATOR, Role.AUDITOR, Role.MANAGER, Role.APPROVER);

        assertThatThrownBy(() -> backups.backUp()).isInstanceOf(AccessDeniedException.class);
    }
}
