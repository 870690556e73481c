package org.pchatdr.portal.topology.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.diagram.DiagramLayout.Box;
import org.pchatdr.portal.topology.diagram.DiagramLayout.Column;
import org.pchatdr.portal.topology.diagram.DiagramLayout.Copy;

/** The geometry alone, without writing or parsing any SVG. */
class DiagramLayoutTest {

    private static DiagramLayout layout(Topology topology) {
        return new DiagramLayout(topology, topology.pools().getFirst(), new DiagramTexts(Bundles.english()));
    }

    @Test
    void everyCopyOfTheLargestPoolStandsInsideItsSiteColumnWithoutOverlappingAnother() {
        DiagramLayout layout = layout(Contoso.largest());
        List<Copy> copies = layout.copies();

        assertThat(copies).hasSize(12);
        for (Copy copy : copies) {
            Column column = copy.column;
            assertThat(copy.x).isGreaterThanOrEqualTo(column.x);
            assertThat(copy.x + copy.width).isLessThanOrEqualTo(column.x + column.width());
            for (Copy other : copies) {
                boolean apart = copy == other
                        || copy.x + copy.width <= other.x
                        || other.x + other.width <= copy.x
                        || copy.y + copy.height <= other.y
                        || other.y + other.height <= copy.y;
                assertThat(apart).as(copy.dataId() + " and " + other.dataId()).isTrue();
            }
        }
    }

    @Test
    void aWitnessStandsBelowThePairItWatches() {
        DiagramLayout layout = layout(Contoso.topology());
        Copy witness = byRole(layout, CopyRole.WITNESS);
        Copy primary = byRole(layout, CopyRole.PRIMARY);
        Copy mirror = byRole(layout, CopyRole.MIRROR);

        assertThat(witness.y).isGreaterThan(primary.y + primary.height);
        assertThat(witness.centreX())
                .isBetween(Math.min(primary.x, mirror.x), Math.max(primary.x, mirror.x) + primary.width);
    }

    @Test
    void serversOfOneSiteStandSideBySideAboveTheDatabases() {
        DiagramLayout layout = layout(Contoso.topology());
        Box first = layout.server(0);
        Box second = layout.server(1);
        double firstCopyTop =
                layout.copies().stream().mapToDouble(copy -> copy.y).min().orElseThrow();

        assertThat(first.x() + first.width()).isLessThanOrEqualTo(second.x());
        assertThat(first.y() + first.height()).isLessThan(firstCopyTop);
    }

    private static Copy byRole(DiagramLayout layout, CopyRole role) {
        return layout.copies().stream()
                .filter(copy -> copy.role == role)
                .findFirst()
                .orElseThrow();
    }
}
