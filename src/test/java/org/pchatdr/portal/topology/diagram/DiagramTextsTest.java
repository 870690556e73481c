package org.pchatdr.portal.topology.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.TopologyDiagram;
import org.pchatdr.portal.topology.Violation;

class DiagramTextsTest {

    private final Properties english = Bundles.load("");
    private final Properties french = Bundles.load("fr");

    @Test
    void everyLabelOfTheRendererExistsInEnglishAndFrenchWithTheSameArguments() {
        for (Label label : Label.values()) {
            assertThat(english.getProperty(label.key()))
                    .as("English %s", label.key())
                    .isNotBlank();
            assertThat(french.getProperty(label.key()))
                    .as("French %s", label.key())
                    .isNotBlank();
            assertThat(new MessageFormat(french.getProperty(label.key())).getFormats())
                    .as("arguments of %s", label.key())
                    .hasSameSizeAs(new MessageFormat(english.getProperty(label.key())).getFormats());
        }
    }

    @Test
    void rendererAsksOnlyForItsLabelsAndTheViolationMessages() {
        Set<String> asked = new HashSet<>();
        List<Violation> violations = List.of(
                new Violation("T-8", Severity.ERROR, "pools[0].databases[0].mirror", "rule.t8", List.of()),
                new Violation("T-1", Severity.ERROR, "pools[0].servers", "rule.t1", List.of()),
                new Violation("T-11", Severity.WARNING, "pools[0].mirroring.witnessPort", "rule.t11", List.of()));
        TopologyDiagram.svg(Contoso.largest(), Contoso.POOL, violations, key -> {
            asked.add(key);
            return english.getProperty(key);
        });

        Set<String> known = new HashSet<>(List.of("rule.t8", "rule.t1", "rule.t11"));
        Arrays.stream(Label.values()).map(Label::key).forEach(known::add);
        assertThat(known).containsAll(asked);
        assertThat(asked).contains("diagram.active", "diagram.idle", "diagram.log-shipping", "diagram.every-minutes");
    }
}
