package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Severity.WARNING;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class ComplianceDatabaseRuleTest {

    private final ComplianceDatabaseRule rule = new ComplianceDatabaseRule();

    @Test
    void complianceOffPassesT14() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void aComplianceDatabaseWithTheCopiesOfMgcPassesT14() {
        assertThat(check(rule, Contoso.with(Contoso::enableCompliance))).isEmpty();
    }

    @Test
    void aComplianceDatabaseLackingCopiesOfMgcWarnsT14ForEachCopy() {
        Topology topology = Contoso.with(d -> {
            Contoso.enableCompliance(d);
            d.pool().mgccomp().backup = null;
            d.pool().mgccomp().backupMirror = null;
        });

        assertThat(check(rule, topology))
                .containsExactly(
                        violation(
                                "T-14",
                                WARNING,
                                "pools[0].databases[1].backup",
                                "rule.T-14.copy-missing",
                                "backup",
                                "mgccomp",
                                "mgc",
                                "lyo-sql-1"),
                        violation(
                                "T-14",
                                WARNING,
                                "pools[0].databases[1].backupMirror",
                                "rule.T-14.copy-missing",
                                "backupMirror",
                                "mgccomp",
                                "mgc",
                                "lyo-sql-2"));
    }

    @Test
    void aComplianceCopyMgcDoesNotHaveWarnsT14() {
        Topology topology = Contoso.with(d -> {
            Contoso.enableCompliance(d);
            d.pool().mgccomp().backupWitness = "lyo-sql-2";
        });

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-14",
                        WARNING,
                        "pools[0].databases[1].backupWitness",
                        "rule.T-14.copy-extra",
                        "backupWitness",
                        "mgccomp",
                        "mgc",
                        "lyo-sql-2"));
    }

    @Test
    void databasesNotNamedAsLyncNamesThemWarnT14() {
        Topology topology = Contoso.with(d -> {
            Contoso.enableCompliance(d);
            d.pool().mgc().name = "chat";
            d.pool().mgccomp().name = "MGCCOMP";
        });

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-14",
                        WARNING,
                        "pools[0].databases[0].name",
                        "rule.T-14.unexpected-name",
                        "chat",
                        "CHAT",
                        "mgc"));
    }
}
