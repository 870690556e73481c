package org.pchatdr.portal.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.review.PoolReadiness;
import org.pchatdr.portal.run.RunState;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReadinessChartTest {

    private static PoolReadiness pool(List<PoolReadiness.Drill> drills) {
        return new PoolReadiness(
                1,
                "Contoso",
                "pchat.contoso.local",
                2,
                Instant.EPOCH,
                9L,
                RunState.COMPLETED,
                Instant.EPOCH,
                3L,
                false,
                60,
                30,
                drills,
                0,
                0);
    }

    @Test
    void eachDrillHasAnRtoAndARpoBarAndThoseOverTargetAreDrawnAsWarnings() throws Exception {
        String svg = ReadinessChart.svg(
                pool(List.of(
                        new PoolReadiness.Drill(7, Instant.EPOCH, 1800L, 600L),
                        new PoolReadiness.Drill(9, Instant.EPOCH, 5400L, null))),
                "Readiness of pchat & co",
                "RTO",
                "RPO");

        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        NodeList rects = document.getElementsByTagName("rect");
        // Two legend squares, then the bars: drill 7 has both, drill 9 no data-loss figure.
        assertThat(rects.getLength()).isEqualTo(2 + 3);
        List<String> fills = new java.util.ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getElementsByTagName("title").getLength() > 0) {
                fills.add(rect.getAttribute("fill") + " " + rect.getTextContent());
            }
        }
        assertThat(fills).containsExactly("#1f6fb2 RTO 50 %", "#e69f00 RPO 33 %", "#c0392b RTO 150 %");
        assertThat(document.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Readiness of pchat & co");
        assertThat(svg).contains("#7").contains("#9");
    }
}
