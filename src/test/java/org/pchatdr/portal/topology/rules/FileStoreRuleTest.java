package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.INFO;
import static org.pchatdr.portal.topology.Severity.WARNING;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class FileStoreRuleTest {

    private final FileStoreRule rule = new FileStoreRule();

    @Test
    void aUncFileStoreOnlyGetsTheT16ReminderOfItsOwnDrPlan() {
        assertThat(check(rule, Contoso.topology()))
                .containsExactly(violation(
                        "T-16",
                        INFO,
                        "pools[0].fileStore",
                        "rule.T-16.file-store-dr-plan",
                        POOL,
                        "\\\\fs01.contoso.local\\pchat-files"));
    }

    @Test
    void noFileStoreWarnsT16() {
        Topology topology = Contoso.with(d -> d.pool().fileStore = null);

        assertThat(check(rule, topology))
                .containsExactly(
                        violation("T-16", WARNING, "pools[0].fileStore", "rule.T-16.file-store-missing", POOL));
    }

    @Test
    void aLocalFileStoreInAMultipleServerPoolWarnsT16() {
        Topology topology = Contoso.with(d -> d.pool().fileStore = "D:\\PChatFiles");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-16", WARNING, "pools[0].fileStore", "rule.T-16.file-store-not-unc", POOL, "D:\\PChatFiles"));
    }

    @Test
    void aLocalFileStoreInASingleServerPoolOnlyGetsTheReminder() {
        Topology topology = Contoso.with(d -> {
            d.pool().fileStore = "D:\\PChatFiles";
            d.pool().servers.removeIf(server -> !server.fqdn.equals("pc01.contoso.local"));
        });

        assertThat(check(rule, topology))
                .extracting(violation -> violation.severity())
                .containsExactly(INFO);
    }
}
