package org.pchatdr.portal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.base.PortalException;

/** Which databases the portal backs up itself: an embedded H2 file only. */
class BackupServiceTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:h2:file:./data/portal;MODE=MSSQLServer;WRITE_DELAY=0",
                "jdbc:h2:/var/lib/portal/portal",
                "JDBC:H2:FILE:C:/portal/data/portal"
            })
    void anEmbeddedH2FileIsBackedUp(String url) {
        assertThat(BackupService.isEmbeddedH2File(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:sqlserver://db.contoso.local;databaseName=portal",
                "jdbc:h2:mem:portal-demo;DB_CLOSE_DELAY=-1",
                "jdbc:h2:tcp://db.contoso.local/portal",
                "jdbc:h2:ssl://db.contoso.local/portal"
            })
    void sqlServerAnH2ServerAndAnInMemoryDatabaseAreLeftToTheirOwnTools(String url) {
        assertThat(BackupService.isEmbeddedH2File(url)).isFalse();
    }

    @Test
    void theRefusalNamesTheReasonTheUserReads() {
        assertThatThrownBy(() -> BackupService.requireEmbeddedH2File("jdbc:sqlserver://db;databaseName=portal"))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.messageKey()).isEqualTo("error.backup_not_embedded"));
    }
}
