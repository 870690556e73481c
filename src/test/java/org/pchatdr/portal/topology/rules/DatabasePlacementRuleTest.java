package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class DatabasePlacementRuleTest {

    private final DatabasePlacementRule rule = new DatabasePlacementRule();

    @Test
    void primaryAndMirrorInThePrimarySiteAndBackupCopiesInTheOtherPassT8() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void aPrimaryOutsideThePrimarySiteBreaksT8() {
        Topology topology = Contoso.with(d -> d.instance("par-sql-1").site = "LYO");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-8",
                        ERROR,
                        "pools[0].databases[0].primary",
                        "rule.T-8.primary-outside-primary-site",
                        "mgc",
                        "par-sql-1",
                        "LYO",
                        "PAR"));
    }

    @Test
    void aMirrorInTheSecondarySiteBreaksT8() {
        Topology topology = Contoso.with(d -> d.pool().mgc().mirror = "lyo-sql-2");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-8",
                        ERROR,
                        "pools[0].databases[0].mirror",
                        "rule.T-8.mirror-outside-primary-site",
                        "mgc",
                        "lyo-sql-2",
                        "LYO",
                        "PAR"));
    }

    @Test
    void aBackupInThePrimarySiteBreaksT8AndSoDoesItsMirrorLeftBehind() {
        Topology topology = Contoso.with(d -> {
            d.addInstance("par-sql-3", "sqlpc03.contoso.local", "PCHAT", "PAR", "Enterprise");
            d.pool().mgc().backup = "par-sql-3";
        });

        assertThat(check(rule, topology))
                .containsExactly(
                        violation(
                                "T-8",
                                ERROR,
                                "pools[0].databases[0].backup",
                                "rule.T-8.backup-outside-secondary-site",
                                "mgc",
                                "par-sql-3",
                                "PAR",
                                "LYO"),
                        violation(
                                "T-8",
                                ERROR,
                                "pools[0].databases[0].backupMirror",
                                "rule.T-8.backup-mirror-apart",
                                "mgc",
                                "lyo-sql-2",
                                "LYO",
                                "PAR"));
    }

    @Test
    void aBackupWitnessAwayFromTheBackupBreaksT8() {
        Topology topology = Contoso.with(d -> d.pool().mgc().backupWitness = "par-wit");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-8",
                        ERROR,
                        "pools[0].databases[0].backupWitness",
                        "rule.T-8.backup-witness-apart",
                        "mgc",
                        "par-wit",
                        "PAR",
                        "LYO"));
    }

    @Test
    void aChatDatabaseWithoutBackupBreaksT8() {
        Topology topology = Contoso.with(d -> {
            d.pool().mgc().backup = null;
            d.pool().mgc().backupMirror = null;
        });

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-8", ERROR, "pools[0].databases[0].backup", "rule.T-8.backup-missing", "mgc", POOL, "LYO"));
    }

    @Test
    void unknownInstancesAreLeftToTheImporter() {
        Topology topology = Contoso.with(d -> {
            d.pool().mgc().mirror = "nowhere";
            d.pool().mgc().backup = "nowhere-else";
        });

        assertThat(check(rule, topology)).isEmpty();
    }
}
