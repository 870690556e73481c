package org.pchatdr.portal.run.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestoredLogTest {

    @Test
    void readsTheLastRestoredFileFromSsmsTextResultsWhoseDashesGiveTheColumns() {
        String row = "%-18s %-35s %-41s %-23s%n";
        String output =
                String.format(row, "secondary_database", "last_copied_file", "last_restored_file", "last_restored_date")
                        + String.format(row, "-".repeat(18), "-".repeat(35), "-".repeat(41), "-".repeat(23))
                        + String.format(
                                row,
                                "mgc",
                                "D:\\LS Copy\\mgc_20261126093000.trn",
                                "D:\\LS Copy\\mgc_20261126091500.trn",
                                "2026-11-26 09:16:02.337")
                        + "\n(1 row affected)\n";

        assertThat(RestoredLog.in(output)).contains("D:\\LS Copy\\mgc_20261126091500.trn");
    }

    @Test
    void readsItFromGridResultsCopiedWithTheirHeaders() {
        String output =
                "secondary_database\tlast_copied_file\tlast_copied_date\tlast_restored_file\tlast_restored_date\n"
                        + "mgc\tmgc_20261126093000.trn\t2026-11-26 09:30:05\tmgc_20261126091500.trn\t2026-11-26 09:16:02\n";

        assertThat(RestoredLog.in(output)).contains("mgc_20261126091500.trn");
    }

    @Test
    void readsItFromAPowerShellListAndFindsNothingInOtherOutput() {
        assertThat(RestoredLog.in("secondary_database : mgc\nlast_restored_file : mgc_20261126091500.trn\n"))
                .contains("mgc_20261126091500.trn");
        assertThat(RestoredLog.in("Commands completed successfully.")).isEmpty();
        assertThat(RestoredLog.in("last_restored_file\n------------------\nNULL\n"))
                .isEmpty();
    }

    @Test
    void theUtcTimeInALogShippingFileNameIsWhenTheBackupWasTaken() {
        assertThat(RestoredLog.takenAt("D:\\LS Copy\\mgc_20261126091500.trn"))
                .contains(Instant.parse("2026-11-26T09:15:00Z"));
        assertThat(RestoredLog.takenAt("mgc_tail.trn")).isEmpty();
    }
}
