package org.pchatdr.portal.topology.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologySamples;

class DraftTopologyTest {

    /** Every sample on disk, so that a new sample is covered without touching this test. */
    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/topologies"))) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();
            assertThat(names).containsAll(TopologySamples.NAMES);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aDraftMadeFromASampleGivesBackExactlyThatTopology(String sample) {
        Topology topology = TopologySamples.topology(sample);

        Topology back = DraftTopology.of(topology).toTopology();

        assertThat(back).isEqualTo(topology);
        assertThat(TopologyFormat.write(back)).isEqualTo(TopologyFormat.write(topology));
    }

    @Test
    void switchingComplianceOnAddsAnEmptyComplianceDatabaseAndOffRemovesIt() {
        DraftTopology draft = DraftTopology.of(Contoso.topology());
        DraftTopology.DraftPool pool = draft.pools.getFirst();

        pool.setComplianceEnabled(true);
        assertThat(draft.toTopology().pools().getFirst().complianceEnabled()).isTrue();

        pool.setComplianceEnabled(false);
        assertThat(draft.toTopology()).isEqualTo(Contoso.topology());
    }

    @Test
    void editingTheDraftLeavesTheOriginalUntouched() {
        Topology contoso = Contoso.topology();
        DraftTopology draft = DraftTopology.of(contoso);

        draft.pools.getFirst().servers.get(2).active = true;

        assertThat(contoso.pools().getFirst().servers().get(2).active()).isFalse();
        assertThat(draft.toTopology().pools().getFirst().servers().get(2).active())
                .isTrue();
        assertThat(List.of(draft.toTopology())).doesNotContain(contoso);
    }
}
