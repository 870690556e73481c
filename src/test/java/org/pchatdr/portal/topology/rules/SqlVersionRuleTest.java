package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.Severity.WARNING;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.SqlVersion;

class SqlVersionRuleTest {

    private final SqlVersionRule rule = new SqlVersionRule();

    @Test
    void oneVersionEverywhereAndAWitnessOfAnotherEditionPassT9() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void editionsAreComparedIgnoringCase() {
        Topology topology = Contoso.with(d -> d.instance("par-sql-2").edition = "ENTERPRISE");

        assertThat(check(rule, topology)).isEmpty();
    }

    @Test
    void aMirrorOnAnotherVersionBreaksT9() {
        Topology topology = Contoso.with(d -> d.instance("par-sql-2").version = SqlVersion.V2014);

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-9",
                        ERROR,
                        "pools[0].databases[0].mirror",
                        "rule.T-9.version-differs",
                        "mgc",
                        "par-sql-2",
                        "mirror",
                        "2014",
                        "par-sql-1",
                        "primary",
                        "2012"));
    }

    @Test
    void aMirrorOnAnotherEditionBreaksT9() {
        Topology topology = Contoso.with(d -> d.instance("par-sql-2").edition = "Standard");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-9",
                        ERROR,
                        "pools[0].databases[0].mirror",
                        "rule.T-9.edition-differs",
                        "mgc",
                        "par-sql-2",
                        "mirror",
                        "Standard",
                        "par-sql-1",
                        "primary",
                        "Enterprise"));
    }

    @Test
    void aWitnessOnAnotherVersionBreaksT9() {
        Topology topology = Contoso.with(d -> d.instance("par-wit").version = SqlVersion.V2008R2);

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-9",
                        ERROR,
                        "pools[0].databases[0].witness",
                        "rule.T-9.version-differs",
                        "mgc",
                        "par-wit",
                        "witness",
                        "2008R2",
                        "par-sql-1",
                        "primary",
                        "2012"));
    }

    @Test
    void theBackupsMirrorOnAnotherVersionBreaksT9() {
        Topology topology = Contoso.with(d -> d.instance("lyo-sql-2").version = SqlVersion.V2016);

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-9",
                        ERROR,
                        "pools[0].databases[0].backupMirror",
                        "rule.T-9.version-differs",
                        "mgc",
                        "lyo-sql-2",
                        "backupMirror",
                        "2016",
                        "lyo-sql-1",
                        "backup",
                        "2012"));
    }

    @Test
    void aBackupOnAnotherVersionThanThePrimaryWarnsT9() {
        Topology topology = Contoso.with(d -> {
            d.instance("lyo-sql-1").version = SqlVersion.V2014;
            d.instance("lyo-sql-2").version = SqlVersion.V2014;
        });

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-9",
                        WARNING,
                        "pools[0].databases[0].backup",
                        "rule.T-9.backup-version-differs",
                        "mgc",
                        "lyo-sql-1",
                        "2014",
                        "par-sql-1",
                        "2012"));
    }
}
