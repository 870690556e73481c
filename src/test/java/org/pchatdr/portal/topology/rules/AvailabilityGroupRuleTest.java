package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class AvailabilityGroupRuleTest {

    private final AvailabilityGroupRule rule = new AvailabilityGroupRule();

    @Test
    void databasesOutsideAvailabilityGroupsPassT12() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void aDatabaseInAnAvailabilityGroupBreaksT12() {
        Topology topology = Contoso.with(d -> d.pool().mgc().availabilityGroup = "ag-pchat");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-12",
                        ERROR,
                        "pools[0].databases[0].availabilityGroup",
                        "rule.T-12.availability-group",
                        "mgc",
                        "ag-pchat",
                        POOL));
    }
}
