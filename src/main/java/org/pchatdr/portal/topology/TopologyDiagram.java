package org.pchatdr.portal.topology;

import java.util.List;
import java.util.function.Function;
import org.pchatdr.portal.topology.diagram.DiagramRenderer;

/**
 * Draws a stretched Persistent Chat pool as SVG on the server: its two data centers side by side,
 * the Persistent Chat servers (active or idle), every copy of {@code mgc} and {@code mgccomp} with
 * mirroring, witness and log-shipping links, the next-hop Front End pool, the file store, a legend,
 * and the rule violations marked on the elements their path points at.
 */
public final class TopologyDiagram {

    private TopologyDiagram() {}

    /**
     * @param topology the deployment
     * @param poolFqdn the pool to draw (case-insensitive)
     * @param violations the findings to mark; INFO findings are not drawn, those that point at no
     *     drawn element are listed under the drawing, those of other pools are left out
     * @param text the translation of a {@code diagram.*} key (or of a violation's message key) into
     *     the reader's language, placeholders such as {@code {0}} left in place
     * @return a standalone SVG document, safe to embed: every text of the topology is escaped
     * @throws IllegalArgumentException when the topology has no pool {@code poolFqdn}
     */
    public static String svg(
            Topology topology, String poolFqdn, List<Violation> violations, Function<String, String> text) {
        return DiagramRenderer.render(topology, poolFqdn, violations, text);
    }
}
