package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.TopologyDiff.Change;

class TopologyDiffTest {

    private final Topology contoso = TopologySamples.topology(TopologySamples.CONTOSO);

    @Test
    void identicalTopologiesHaveNoChange() {
        assertThat(TopologyDiff.between(contoso, TopologySamples.topology(TopologySamples.CONTOSO)))
                .isEmpty();
        assertThat(TopologyDiff.describe(List.of())).isEmpty();
    }

    @Test
    void aChangedFlagIsOneLine() {
        Topology after = withServers(contoso, servers -> servers.set(2, new Server("pc03.contoso.local", "PAR", true)));

        List<Change> changes = TopologyDiff.between(contoso, after);

        assertThat(changes)
                .containsExactly(new Change(
                        "pools[0].servers[2].active",
                        "false",
                        "true",
                        "pools[pchat.contoso.local].servers[pc03.contoso.local].active"));
        assertThat(TopologyDiff.describe(changes)).isEqualTo("pools[0].servers[2].active: false → true");
    }

    @Test
    void removingTheFirstServerIsOneRemovalNotACascade() {
        Topology after = withServers(contoso, servers -> servers.removeFirst());

        List<Change> changes = TopologyDiff.between(contoso, after);

        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().path()).isEqualTo("pools[0].servers[0]");
        assertThat(changes.getFirst().after()).isNull();
        assertThat(TopologyDiff.describe(changes)).isEqualTo("- pools[0].servers[0] (pc01.contoso.local)");
    }

    @Test
    void replacingAServerIsOneRemovalAndOneAddition() {
        Topology after = withServers(contoso, servers -> {
            servers.remove(7);
            servers.add(2, new Server("pc05.contoso.local", "PAR", false));
        });

        List<Change> changes = TopologyDiff.between(contoso, after);

        assertThat(TopologyDiff.describe(changes))
                .isEqualTo("- pools[0].servers[7] (pc14.contoso.local)\n+ pools[0].servers[2] (pc05.contoso.local)");
        assertThat(changes.get(1).before()).isNull();
        assertThat(changes.get(1).after())
                .isEqualTo("{\"fqdn\":\"pc05.contoso.local\",\"site\":\"PAR\",\"active\":false}");
    }

    @Test
    void changesInsideAMovedElementUseItsIndexInTheNewVersion() {
        Topology after = withServers(contoso, servers -> {
            servers.removeFirst();
            servers.set(3, new Server("pc11.contoso.local", "LYO", false));
        });

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after)))
                .isEqualTo("- pools[0].servers[0] (pc01.contoso.local)\npools[0].servers[3].active: true → false");
    }

    @Test
    void aRenamedInstanceIdIsARemovalAnAdditionAndTheChangedReference() {
        List<SqlInstance> instances = new ArrayList<>(contoso.sqlInstances());
        SqlInstance old = instances.get(1);
        instances.set(
                1,
                new SqlInstance(
                        "par-sql-2b",
                        old.host(),
                        old.instance(),
                        old.port(),
                        old.site(),
                        old.version(),
                        old.edition(),
                        old.serviceAccount()));
        Pool pool = contoso.pools().getFirst();
        Database mgc = pool.databases().getFirst();
        Database renamed = new Database(
                mgc.name(),
                mgc.kind(),
                mgc.primary(),
                "par-sql-2b",
                mgc.witness(),
                mgc.backup(),
                mgc.backupMirror(),
                mgc.backupWitness(),
                mgc.availabilityGroup());
        Topology after = new Topology(
                contoso.name(), contoso.sites(), instances, List.of(withDatabases(pool, List.of(renamed))));

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after))).isEqualTo("""
                        - sqlInstances[1] (par-sql-2)
                        + sqlInstances[1] (par-sql-2b)
                        pools[0].databases[0].mirror: "par-sql-2" → "par-sql-2b\"""");
    }

    @Test
    void anAddedInstanceIsNamedByItsId() {
        List<SqlInstance> instances = new ArrayList<>(contoso.sqlInstances());
        instances.add(new SqlInstance(
                "lyo-sql-3",
                "sqlpc13.contoso.local",
                null,
                1433,
                "LYO",
                Topology.SqlVersion.V2012,
                "Standard",
                "NetworkService"));
        Topology after = new Topology(contoso.name(), contoso.sites(), instances, contoso.pools());

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after)))
                .isEqualTo("+ sqlInstances[5] (lyo-sql-3)");
    }

    @Test
    void reorderedServersAreOneOrderChange() {
        Topology after = withServers(contoso, servers -> servers.add(servers.removeFirst()));

        List<Change> changes = TopologyDiff.between(contoso, after);

        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().path()).isEqualTo("pools[0].servers");
        assertThat(changes.getFirst().before()).startsWith("pc01.contoso.local, pc02.contoso.local");
        assertThat(changes.getFirst().after())
                .startsWith("pc02.contoso.local")
                .endsWith("pc14.contoso.local, pc01.contoso.local");
    }

    @Test
    void anFqdnWhoseLetterCaseChangedIsTheSameServer() {
        Topology after = withServers(contoso, servers -> servers.set(0, new Server("PC01.contoso.local", "PAR", true)));

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after)))
                .isEqualTo("pools[0].servers[0].fqdn: \"pc01.contoso.local\" → \"PC01.contoso.local\"");
    }

    @Test
    void anAvailabilityGroupAppearsAsAnAddedField() {
        Pool pool = contoso.pools().getFirst();
        Database mgc = pool.databases().getFirst();
        Database withGroup = new Database(
                mgc.name(),
                mgc.kind(),
                mgc.primary(),
                mgc.mirror(),
                mgc.witness(),
                mgc.backup(),
                mgc.backupMirror(),
                mgc.backupWitness(),
                "AG_PCHAT");
        Topology after = new Topology(
                contoso.name(),
                contoso.sites(),
                contoso.sqlInstances(),
                List.of(withDatabases(pool, List.of(withGroup))));

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after)))
                .isEqualTo("+ pools[0].databases[0].availabilityGroup: \"AG_PCHAT\"");
        assertThat(TopologyDiff.describe(TopologyDiff.between(after, contoso)))
                .isEqualTo("- pools[0].databases[0].availabilityGroup: \"AG_PCHAT\"");
    }

    @Test
    void aRemovedLogShippingSectionIsOneChangeToNull() {
        Pool pool = contoso.pools().getFirst();
        Pool withoutLogShipping = new Pool(
                pool.fqdn(),
                pool.serviceIdentity(),
                pool.activeServersIdentity(),
                pool.primarySite(),
                pool.secondarySite(),
                pool.siteLink(),
                pool.nextHopPool(),
                pool.fileStore(),
                pool.servers(),
                pool.databases(),
                pool.mirroring(),
                null,
                pool.objectives());
        Topology after =
                new Topology(contoso.name(), contoso.sites(), contoso.sqlInstances(), List.of(withoutLogShipping));

        List<Change> changes = TopologyDiff.between(contoso, after);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("pools[0].logShipping");
            assertThat(change.before()).startsWith("{\"share\":");
            assertThat(change.after()).isEqualTo("null");
        });
    }

    @Test
    void differentDeploymentsDifferEverywhere() {
        List<Change> changes = TopologyDiff.between(contoso, TopologySamples.topology(TopologySamples.FABRIKAM));

        assertThat(changes).isNotEmpty();
        assertThat(TopologyDiff.describe(changes))
                .contains("name: \"Contoso production\" → \"Fabrikam — Montréal / Vancouver (low bandwidth)\"")
                .contains("- pools[0] (pchat.contoso.local)")
                .contains("+ pools[0] (pchat.fabrikam.com)")
                .contains("- sites[0] (PAR)");
    }

    private static Topology withServers(Topology topology, java.util.function.Consumer<List<Server>> change) {
        Pool pool = topology.pools().getFirst();
        List<Server> servers = new ArrayList<>(pool.servers());
        change.accept(servers);
        Pool changed = new Pool(
                pool.fqdn(),
                pool.serviceIdentity(),
                pool.activeServersIdentity(),
                pool.primarySite(),
                pool.secondarySite(),
                pool.siteLink(),
                pool.nextHopPool(),
                pool.fileStore(),
                servers,
                pool.databases(),
                pool.mirroring(),
                pool.logShipping(),
                pool.objectives());
        return new Topology(topology.name(), topology.sites(), topology.sqlInstances(), List.of(changed));
    }

    private static Pool withDatabases(Pool pool, List<Database> databases) {
        return new Pool(
                pool.fqdn(),
                pool.serviceIdentity(),
                pool.activeServersIdentity(),
                pool.primarySite(),
                pool.secondarySite(),
                pool.siteLink(),
                pool.nextHopPool(),
                pool.fileStore(),
                pool.servers(),
                databases,
                pool.mirroring(),
                pool.logShipping(),
                pool.objectives());
    }
}
