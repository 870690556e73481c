package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.Severity.WARNING;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class LogShippingRuleTest {

    private final LogShippingRule rule = new LogShippingRule();

    @Test
    void aUncShareAndALocalCopyDestinationPassT15() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void aUncCopyDestinationOnTheBackupServerPassesT15() {
        Topology topology = Contoso.with(d -> d.pool().logShipping.copyDestination = "\\\\SQLPC11\\PChatLogShipCopy");

        assertThat(check(rule, topology)).isEmpty();
    }

    @Test
    void noLogShippingBreaksT15() {
        Topology topology = Contoso.with(d -> d.pool().logShipping = null);

        assertThat(check(rule, topology))
                .containsExactly(violation("T-15", ERROR, "pools[0].logShipping", "rule.T-15.missing", POOL));
    }

    @Test
    void noShareAndNoCopyDestinationBreakT15() {
        Topology topology = Contoso.with(d -> {
            d.pool().logShipping.share = null;
            d.pool().logShipping.copyDestination = "";
        });

        assertThat(check(rule, topology))
                .containsExactly(
                        violation("T-15", ERROR, "pools[0].logShipping.share", "rule.T-15.share-missing", POOL),
                        violation(
                                "T-15",
                                ERROR,
                                "pools[0].logShipping.copyDestination",
                                "rule.T-15.copy-destination-missing",
                                POOL));
    }

    @Test
    void aLocalShareBreaksT15() {
        Topology topology = Contoso.with(d -> d.pool().logShipping.share = "D:\\LogShip");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-15", ERROR, "pools[0].logShipping.share", "rule.T-15.share-not-unc", POOL, "D:\\LogShip"));
    }

    @Test
    void aCopyDestinationOnAnotherServerThanTheBackupWarnsT15() {
        Topology topology =
                Contoso.with(d -> d.pool().logShipping.copyDestination = "\\\\fs01.contoso.local\\pchat-copy");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-15",
                        WARNING,
                        "pools[0].logShipping.copyDestination",
                        "rule.T-15.copy-destination-elsewhere",
                        "\\\\fs01.contoso.local\\pchat-copy",
                        "fs01.contoso.local",
                        "mgc",
                        "lyo-sql-1",
                        "sqlpc11.contoso.local"));
    }

    @Test
    void aShareOnThePrimarysOwnHostWarnsT15BecauseShippingFromTheMirrorWouldStopWithIt() {
        Topology topology = Contoso.with(d -> d.pool().logShipping.share = "\\\\SQLPC01\\pchat-logship");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-15",
                        WARNING,
                        "pools[0].logShipping.share",
                        "rule.T-15.share-on-primary",
                        "\\\\SQLPC01\\pchat-logship",
                        "sqlpc01.contoso.local",
                        "mgc",
                        "par-sql-1"));
    }
}
