package org.pchatdr.portal.topology.diagram;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Violation;

/**
 * Draws one pool: {@link DiagramLayout} places every box and link, {@link Findings} puts each rule
 * finding on the element it concerns, {@link DiagramPainter} writes the SVG in the colours of
 * {@link Style}.
 */
public final class DiagramRenderer {

    private DiagramRenderer() {}

    /** See {@code TopologyDiagram.svg}, the module's entry point, which delegates here. */
    public static String render(
            Topology topology, String poolFqdn, List<Violation> violations, Function<String, String> text) {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(text, "text");
        int poolIndex = -1;
        for (int i = 0; i < topology.pools().size() && poolFqdn != null; i++) {
            if (poolFqdn.equalsIgnoreCase(topology.pools().get(i).fqdn())) {
                poolIndex = i;
                break;
            }
        }
        if (poolIndex < 0) {
            throw new IllegalArgumentException("No pool " + poolFqdn + " in topology " + topology.name());
        }
        DiagramTexts texts = new DiagramTexts(text);
        DiagramLayout layout = new DiagramLayout(topology, topology.pools().get(poolIndex), texts);
        Findings findings =
                Findings.of(topology, poolIndex, violations == null ? List.of() : violations, layout.drawnTargets());
        return new DiagramPainter(layout, findings, texts).draw();
    }
}
