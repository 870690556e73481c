package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.LogShipping;
import org.pchatdr.portal.topology.Topology.Mirroring;
import org.pchatdr.portal.topology.Topology.NextHopPool;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.Topology.SqlVersion;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.Violation;

/**
 * The importer reports structural problems; the rules must survive them anyway: dangling ids, empty
 * lists and {@code null} wherever the model allows one.
 */
class RulesNeverThrowTest {

    @Test
    void anEmptyTopologyHasNothingToReport() {
        Topology empty = new Topology(null, List.of(), List.of(), List.of());

        for (CheckPhase phase : CheckPhase.values()) {
            assertThat(TopologyRules.check(empty, phase)).isEmpty();
        }
    }

    @Test
    void aPoolOfNullsIsReportedNotFatal() {
        Pool nulls = new Pool(null, null, null, null, null, null, null, null, List.of(), List.of(), null, null, null);
        Topology topology = new Topology(null, List.of(), List.of(), List.of(nulls));

        assertThat(TopologyRules.check(topology))
                .extracting(violation -> violation.ruleId() + " " + violation.path())
                .containsExactly(
                        "T-2 pools[0].servers",
                        "T-3 pools[0].primarySite",
                        "T-3 pools[0].secondarySite",
                        "T-13 pools[0].servers",
                        "T-15 pools[0].logShipping",
                        "T-16 pools[0].fileStore");
        assertThat(TopologyRules.check(topology).get(0).arguments()).containsExactly("pools[0]");
    }

    @Test
    void danglingIdsAndMissingFieldsAreSkipped() {
        Topology topology = new Topology(
                "odd",
                List.of(new Site(null, null, null), new Site("PAR", null, "Not/AZone")),
                List.of(
                        new SqlInstance(null, null, null, 0, null, null, null, null),
                        new SqlInstance("a", "h", null, 5022, "nowhere", null, null, null)),
                List.of(new Pool(
                        "p",
                        null,
                        null,
                        "PAR",
                        "ghost",
                        SiteLink.LOW_BANDWIDTH,
                        new NextHopPool(null, "Europe/Paris"),
                        "",
                        List.of(new Server(null, null, true), new Server("s", "PAR", true)),
                        List.of(
                                new Database(null, null, "ghost", "a", "a", "ghost", null, "ghost", ""),
                                new Database(
                                        "mgccomp", DatabaseKind.COMPLIANCE, null, null, null, null, null, null, null)),
                        new Mirroring(-1, -1, null),
                        new LogShipping(null, null, null, 0, 0, 0, 0, 0, 0, 0, "ghost"),
                        null)));

        for (CheckPhase phase : CheckPhase.values()) {
            assertThat(TopologyRules.check(topology, phase)).isNotEmpty().allSatisfy(RulesNeverThrowTest::wellFormed);
        }
    }

    @Property(tries = 2000)
    void noTopologyMakesARuleThrow(@ForAll long seed) {
        Topology topology = new Shuffle(new Random(seed)).topology();

        for (TopologyRule rule : RuleBook.rules()) {
            for (CheckPhase phase : CheckPhase.values()) {
                assertThat(Checks.check(rule, topology, phase)).allSatisfy(RulesNeverThrowTest::wellFormed);
            }
        }
        assertThat(TopologyRules.check(topology)).allSatisfy(RulesNeverThrowTest::wellFormed);
    }

    private static void wellFormed(Violation violation) {
        assertThat(violation.severity()).isNotNull();
        assertThat(violation.path()).matches("(pools|sqlInstances)\\[\\d+].*");
        assertThat(violation.messageKey()).startsWith("rule." + violation.ruleId() + ".");
        assertThat(violation.arguments()).doesNotContainNull();
    }

    /** Topologies made of a few ids that may or may not exist, and nulls wherever allowed. */
    private record Shuffle(Random random) {

        private static final String[] SITES = {"PAR", "LYO", "MRS", "ghost", "", null};
        private static final String[] ZONES = {"Europe/Paris", "Europe/London", "Not/AZone", "", null};
        private static final String[] INSTANCES = {"a", "b", "c", "d", "ghost", "", null};
        private static final String[] HOSTS = {"h1", "H1", "h1.x", "h2.x", "", null};
        private static final String[] PATHS = {"\\\\fs\\share", "\\\\h1\\copy", "\\\\", "D:\\x", "", null};
        private static final int[] PORTS = {-1, 0, 1433, 5022, 7022, 70000};

        Topology topology() {
            return new Topology(
                    pick("Contoso", null),
                    list(4, () -> new Site(pick(SITES), pick("Paris", null), pick(ZONES))),
                    list(6, this::instance),
                    list(3, this::pool));
        }

        private SqlInstance instance() {
            SqlVersion[] versions = SqlVersion.values();
            return new SqlInstance(
                    pick(INSTANCES),
                    pick(HOSTS),
                    pick("PCHAT", null),
                    PORTS[random.nextInt(PORTS.length)],
                    pick(SITES),
                    random.nextInt(5) == 0 ? null : versions[random.nextInt(versions.length)],
                    pick("Enterprise", "standard", "", null),
                    null);
        }

        private Pool pool() {
            return new Pool(
                    pick("pchat.contoso.local", "", null),
                    null,
                    null,
                    pick(SITES),
                    pick(SITES),
                    pick(SiteLink.HIGH_BANDWIDTH, SiteLink.LOW_BANDWIDTH, null),
                    random.nextBoolean() ? new NextHopPool(pick("fe", null), pick(ZONES)) : null,
                    pick(PATHS),
                    list(12, () -> new Server(pick("s1", "s2", "", null), pick(SITES), random.nextBoolean())),
                    list(3, this::database),
                    random.nextBoolean()
                            ? new Mirroring(
                                    PORTS[random.nextInt(PORTS.length)], PORTS[random.nextInt(PORTS.length)], null)
                            : null,
                    random.nextBoolean()
                            ? new LogShipping(
                                    pick(PATHS), null, pick(PATHS), 15, 15, 15, 0, 60, 45, 4320, pick(INSTANCES))
                            : null,
                    null);
        }

        private Database database() {
            return new Database(
                    pick("mgc", "mgccomp", "x", null),
                    pick(DatabaseKind.CHAT, DatabaseKind.COMPLIANCE, null),
                    pick(INSTANCES),
                    pick(INSTANCES),
                    pick(INSTANCES),
                    pick(INSTANCES),
                    pick(INSTANCES),
                    pick(INSTANCES),
                    pick("ag", "", null, null, null));
        }

        private <T> List<T> list(int maxSize, Supplier<T> element) {
            List<T> list = new ArrayList<>();
            int size = random.nextInt(maxSize + 1);
            for (int i = 0; i < size; i++) {
                list.add(element.get());
            }
            return list;
        }

        @SafeVarargs
        private <T> T pick(T... values) {
            return values[random.nextInt(values.length)];
        }
    }
}
