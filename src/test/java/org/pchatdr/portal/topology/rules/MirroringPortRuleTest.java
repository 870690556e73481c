package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Mirroring;

class MirroringPortRuleTest {

    private final MirroringPortRule rule = new MirroringPortRule();

    @Test
    void defaultPortsOnSeparateHostsPassT11() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void otherPortsThanTheDefaultsPassT11() {
        Topology topology = Contoso.with(d -> d.pool().mirroring = new Mirroring(6022, 8022, null));

        assertThat(check(rule, topology)).isEmpty();
    }

    @Test
    void portsOutsideTheTcpRangeBreakT11() {
        Topology topology = Contoso.with(d -> d.pool().mirroring = new Mirroring(0, 70000, null));

        assertThat(check(rule, topology))
                .containsExactly(
                        violation(
                                "T-11",
                                ERROR,
                                "pools[0].mirroring.partnerPort",
                                "rule.T-11.partner-port-out-of-range",
                                POOL,
                                "0"),
                        violation(
                                "T-11",
                                ERROR,
                                "pools[0].mirroring.witnessPort",
                                "rule.T-11.witness-port-out-of-range",
                                POOL,
                                "70000"));
    }

    @Test
    void oneCommonPortForPartnersAndWitnessBreaksT11() {
        Topology topology = Contoso.with(d -> d.pool().mirroring = new Mirroring(5022, 5022, null));

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-11",
                        ERROR,
                        "pools[0].mirroring.witnessPort",
                        "rule.T-11.same-partner-and-witness-port",
                        POOL,
                        "5022"));
    }

    @Test
    void twoMirroringPartnersOnOneHostBreakT11() {
        Topology topology = Contoso.with(d -> d.instance("lyo-sql-2").host = "SQLPC11.contoso.local");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-11",
                        ERROR,
                        "pools[0].databases[0].backupMirror",
                        "rule.T-11.host-shares-port",
                        "lyo-sql-2",
                        "backupMirror",
                        "mgc",
                        "lyo-sql-1",
                        "SQLPC11.contoso.local",
                        "5022"));
    }

    @Test
    void aPartnerAndAWitnessOnOneHostPassT11() {
        Topology topology = Contoso.with(d -> d.instance("par-wit").host = "sqlpc01.contoso.local");

        assertThat(check(rule, topology)).isEmpty();
    }

    @Test
    void anUnmirroredDatabaseOnTheSameHostPassesT11() {
        Topology topology = Contoso.with(d -> {
            Contoso.enableCompliance(d);
            d.instance("par-comp-1").host = "sqlpc01.contoso.local";
            d.pool().mgccomp().mirror = null;
            d.pool().mgccomp().witness = null;
        });

        assertThat(check(rule, topology)).isEmpty();
    }

    @Test
    void aMirroredDatabaseOnAnotherInstanceOfTheSameHostBreaksT11() {
        Topology topology = Contoso.with(d -> {
            Contoso.enableCompliance(d);
            d.instance("par-comp-1").host = "sqlpc01.contoso.local";
        });

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-11",
                        ERROR,
                        "pools[0].databases[1].primary",
                        "rule.T-11.host-shares-port",
                        "par-comp-1",
                        "primary",
                        "mgccomp",
                        "par-sql-1",
                        "sqlpc01.contoso.local",
                        "5022"));
    }

    @Test
    void anInstanceListeningOnTheMirroringPortBreaksT11() {
        Topology topology = Contoso.with(d -> d.instance("par-sql-2").port = 5022);

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-11",
                        ERROR,
                        "sqlInstances[1].port",
                        "rule.T-11.instance-port-is-mirroring-port",
                        "par-sql-2",
                        "5022",
                        POOL,
                        "sqlpc02.contoso.local"));
    }
}
