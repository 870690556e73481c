package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso.InstanceDraft;
import org.pchatdr.portal.topology.Contoso.ServerDraft;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.TopologyDiff.Change;

class TopologyDiffTest {

    private final Topology contoso = Contoso.topology();

    @Test
    void identicalTopologiesHaveNoChange() {
        assertThat(TopologyDiff.between(contoso, Contoso.topology())).isEmpty();
        assertThat(TopologyDiff.describe(List.of())).isEmpty();
    }

    @Test
    void aChangedFlagIsOneLine() {
        Topology after = Contoso.with(d -> d.pool().server("pc03.contoso.local").active = true);

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
        Topology after = Contoso.with(d -> d.pool().servers.removeFirst());

        List<Change> changes = TopologyDiff.between(contoso, after);

        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().path()).isEqualTo("pools[0].servers[0]");
        assertThat(changes.getFirst().after()).isNull();
        assertThat(TopologyDiff.describe(changes)).isEqualTo("- pools[0].servers[0] (pc01.contoso.local)");
    }

    @Test
    void replacingAServerIsOneRemovalAndOneAddition() {
        Topology after = Contoso.with(d -> {
            d.pool().servers.remove(7);
            d.pool().servers.add(2, ServerDraft.of("pc05.contoso.local", "PAR", false));
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
        Topology after = Contoso.with(d -> {
            d.pool().servers.removeFirst();
            d.pool().servers.get(3).active = false; // pc11, now fourth
        });

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after)))
                .isEqualTo("- pools[0].servers[0] (pc01.contoso.local)\npools[0].servers[3].active: true → false");
    }

    @Test
    void aRenamedInstanceIdIsARemovalAnAdditionAndTheChangedReference() {
        Topology after = Contoso.with(d -> {
            d.instance("par-sql-2").id = "par-sql-2b";
            d.pool().mgc().mirror = "par-sql-2b";
        });

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after))).isEqualTo("""
                        - sqlInstances[1] (par-sql-2)
                        + sqlInstances[1] (par-sql-2b)
                        pools[0].databases[0].mirror: "par-sql-2" → "par-sql-2b\"""");
    }

    @Test
    void anAddedInstanceIsNamedByItsId() {
        Topology after = Contoso.with(d -> d.sqlInstances.add(InstanceDraft.of(new SqlInstance(
                "lyo-sql-3",
                "sqlpc13.contoso.local",
                null,
                1433,
                "LYO",
                Topology.SqlVersion.V2012,
                "Standard",
                "NetworkService"))));

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after)))
                .isEqualTo("+ sqlInstances[5] (lyo-sql-3)");
    }

    @Test
    void reorderedServersAreOneOrderChange() {
        Topology after = Contoso.with(d -> d.pool().servers.add(d.pool().servers.removeFirst()));

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
        Topology after = Contoso.with(d -> d.pool().servers.getFirst().fqdn = "PC01.contoso.local");

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after)))
                .isEqualTo("pools[0].servers[0].fqdn: \"pc01.contoso.local\" → \"PC01.contoso.local\"");
    }

    @Test
    void anAvailabilityGroupAppearsAsAnAddedField() {
        Topology after = Contoso.with(d -> d.pool().mgc().availabilityGroup = "AG_PCHAT");

        assertThat(TopologyDiff.describe(TopologyDiff.between(contoso, after)))
                .isEqualTo("+ pools[0].databases[0].availabilityGroup: \"AG_PCHAT\"");
        assertThat(TopologyDiff.describe(TopologyDiff.between(after, contoso)))
                .isEqualTo("- pools[0].databases[0].availabilityGroup: \"AG_PCHAT\"");
    }

    @Test
    void aRemovedLogShippingSectionIsOneChangeToNull() {
        Topology after = Contoso.with(d -> d.pool().logShipping = null);

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
}
