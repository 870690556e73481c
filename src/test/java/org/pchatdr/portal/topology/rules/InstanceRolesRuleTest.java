package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class InstanceRolesRuleTest {

    private final InstanceRolesRule rule = new InstanceRolesRule();

    @Test
    void oneInstancePerRolePassesT10() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void aWitnessSharedByTwoDatabasesPassesT10() {
        assertThat(check(rule, Contoso.with(Contoso::enableCompliance))).isEmpty();
    }

    @Test
    void theMirrorOnThePrimaryInstanceBreaksT10() {
        Topology topology = Contoso.with(d -> d.pool().mgc().mirror = "par-sql-1");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-10",
                        ERROR,
                        "pools[0].databases[0].mirror",
                        "rule.T-10.two-roles",
                        "mgc",
                        "par-sql-1",
                        "primary",
                        "mirror"));
    }

    @Test
    void theBackupOnTheMirrorInstanceBreaksT10() {
        Topology topology = Contoso.with(d -> d.pool().mgc().backup = "par-sql-2");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-10",
                        ERROR,
                        "pools[0].databases[0].backup",
                        "rule.T-10.two-roles",
                        "mgc",
                        "par-sql-2",
                        "mirror",
                        "backup"));
    }

    @Test
    void aWitnessHoldingACopyOfAnotherDatabaseBreaksT10() {
        Topology topology = Contoso.with(d -> {
            Contoso.enableCompliance(d);
            d.pool().mgccomp().witness = null;
            d.pool().mgccomp().primary = "par-wit";
        });

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-10",
                        ERROR,
                        "pools[0].databases[0].witness",
                        "rule.T-10.witness-holds-copy",
                        "par-wit",
                        "witness",
                        "mgc",
                        "primary",
                        "mgccomp"));
    }
}
