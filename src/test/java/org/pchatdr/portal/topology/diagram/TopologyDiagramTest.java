package org.pchatdr.portal.topology.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.topology.diagram.SvgDocument.box;
import static org.pchatdr.portal.topology.diagram.SvgDocument.number;
import static org.pchatdr.portal.topology.diagram.SvgDocument.texts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.TopologyDiagram;
import org.pchatdr.portal.topology.Violation;
import org.w3c.dom.Element;

class TopologyDiagramTest {

    private static final Function<String, String> ENGLISH = Bundles.english();

    private static SvgDocument draw(Topology topology, List<Violation> violations) {
        return SvgDocument.parse(TopologyDiagram.svg(topology, Contoso.POOL, violations, ENGLISH));
    }

    private static Violation violation(String rule, Severity severity, String path) {
        return new Violation(rule, severity, path, "rule." + rule, List.of());
    }

    @Test
    void contosoDiagramIsWellFormedSvgSizedByItsContentAndShrinksToItsContainer() throws IOException {
        String svg = TopologyDiagram.svg(Contoso.topology(), Contoso.POOL, List.of(), ENGLISH);
        Path file = Path.of("target/contoso-diagram.svg");
        Files.createDirectories(file.getParent());
        Files.writeString(file, svg, StandardCharsets.UTF_8);

        SvgDocument diagram = SvgDocument.parse(svg);
        Element root = diagram.root();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("font-family")).isEqualTo("sans-serif");
        assertThat(root.getAttribute("viewBox"))
                .isEqualTo("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"));
        assertThat(root.getAttribute("preserveAspectRatio")).isEqualTo("xMidYMid meet");
        assertThat(root.getAttribute("style")).isEqualTo("max-width:100%;height:auto");
        assertThat(number(root, "width")).isBetween(600.0, 2000.0);
        assertThat(number(root, "height")).isBetween(400.0, 2000.0);
        assertThat(texts(diagram.one("//*[@id='pcd-heading']"))).first().isEqualTo("pchat.contoso.local");
        assertThat(diagram.one("/*/*[local-name()='title']").getTextContent()).contains("pchat.contoso.local");
    }

    @Test
    void sameInputGivesTheSameDrawing() {
        String first = TopologyDiagram.svg(Contoso.largest(), Contoso.POOL, List.of(), ENGLISH);
        String second = TopologyDiagram.svg(Contoso.largest(), Contoso.POOL, List.of(), ENGLISH);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void primarySiteIsDrawnLeftOfTheSecondarySite() {
        SvgDocument diagram = draw(Contoso.topology(), List.of());
        List<Element> sites = diagram.all("//*[contains(concat(' ', @class, ' '), ' site ')]");
        assertThat(sites).extracting(site -> site.getAttribute("data-site")).containsExactly("PAR", "LYO");
        assertThat(sites)
                .extracting(site -> site.getAttribute("data-site-role"))
                .containsExactly("primary", "secondary");
        assertThat(texts(sites.get(0))).contains("Paris - Saint-Denis", "PAR · data center 1 (primary)");
        assertThat(texts(sites.get(1))).contains("Lyon - Vaise", "LYO · data center 2 (secondary)");
        assertThat(box(sites.get(0))[0] + box(sites.get(0))[2]).isLessThan(box(sites.get(1))[0]);
    }

    @Test
    void everyServerIsDrawnOnceInItsSiteMarkedActiveOrIdleInWords() {
        SvgDocument diagram = draw(Contoso.topology(), List.of());
        List<Element> servers = diagram.all("//*[@data-server]");
        assertThat(servers)
                .extracting(server -> server.getAttribute("data-server"))
                .containsExactlyElementsOf(Contoso.topology().pools().getFirst().servers().stream()
                        .map(Server::fqdn)
                        .toList());
        for (Server server : Contoso.topology().pools().getFirst().servers()) {
            Element drawn = diagram.one("//*[@data-server='" + server.fqdn() + "']");
            String state = server.active() ? "active" : "idle";
            assertThat(drawn.getAttribute("data-state")).isEqualTo(state);
            assertThat(drawn.getAttribute("class")).contains("server-" + state);
            assertThat(texts(drawn)).containsExactly(server.fqdn(), state);
            assertThat(within(box(drawn), siteBox(diagram, server.site())))
                    .as(server.fqdn())
                    .isTrue();
        }
        String activeFill = diagram.one("//*[@data-server='pc01.contoso.local']/*[local-name()='rect']")
                .getAttribute("fill");
        String idleFill = diagram.one("//*[@data-server='pc03.contoso.local']/*[local-name()='rect']")
                .getAttribute("fill");
        assertThat(activeFill).isNotEqualTo(idleFill);
    }

    @Test
    void everyCopyOfTheDatabaseIsDrawnWithRoleInstanceAndAddress() {
        SvgDocument diagram = draw(Contoso.topology(), List.of());
        assertThat(diagram.all("//*[@data-copy]"))
                .extracting(copy -> copy.getAttribute("data-copy"))
                .containsExactlyInAnyOrder(
                        "mgc:primary", "mgc:mirror", "mgc:witness", "mgc:backup", "mgc:backup-mirror");
        assertThat(texts(diagram.one("//*[@data-copy='mgc:primary']")))
                .containsExactly("primary", "par-sql-1", "sqlpc01.contoso.local\\PCHAT");
        assertThat(texts(diagram.one("//*[@data-copy='mgc:witness']")))
                .as("a default instance shows the host alone")
                .containsExactly("witness", "par-wit", "sqlwit01.contoso.local");
        assertThat(texts(diagram.one("//*[@data-copy='mgc:backup-mirror']")))
                .containsExactly("backup mirror", "lyo-sql-2", "sqlpc12.contoso.local\\PCHAT");
        for (String copy : List.of("primary", "mirror", "witness")) {
            assertThat(within(box(diagram.one("//*[@data-copy='mgc:" + copy + "']")), siteBox(diagram, "PAR")))
                    .as(copy)
                    .isTrue();
        }
        for (String copy : List.of("backup", "backup-mirror")) {
            assertThat(within(box(diagram.one("//*[@data-copy='mgc:" + copy + "']")), siteBox(diagram, "LYO")))
                    .as(copy)
                    .isTrue();
        }
    }

    @Test
    void mirroringWitnessAndLogShippingAreDrawnWithTheirPortsShareAndSchedule() {
        SvgDocument diagram = draw(Contoso.topology(), List.of());

        Element mirroring = diagram.one("//*[@data-connection='mgc:mirroring' and contains(@class, 'connection ')]");
        assertThat(mirroring.getAttribute("data-from")).isEqualTo("mgc:primary");
        assertThat(mirroring.getAttribute("data-to")).isEqualTo("mgc:mirror");
        Element line = SvgDocument.all(mirroring, "./*[local-name()='line']").getFirst();
        assertThat(line.hasAttribute("stroke-dasharray"))
                .as("mirroring is a solid line")
                .isFalse();
        assertThat(texts(diagram.one("//*[@data-connection='mgc:mirroring' and @class='connection-label']")))
                .containsExactly("mirroring", "port 5022");
        assertThat(diagram.all("//*[@data-connection='mgc:backup-mirroring' and contains(@class, 'connection ')]"))
                .hasSize(1);

        Element witness = diagram.one("//*[@data-connection='mgc:witness']");
        assertThat(SvgDocument.all(witness, "./*[local-name()='line']"))
                .extracting(l -> l.getAttribute("data-to"))
                .containsExactly("mgc:primary", "mgc:mirror");
        assertThat(SvgDocument.all(witness, "./*[local-name()='line']"))
                .allSatisfy(l -> assertThat(l.getAttribute("stroke-dasharray")).isNotBlank());
        assertThat(texts(witness)).containsExactly("witness · port 7022");

        Element shipping = diagram.one("//*[@data-connection='mgc:log-shipping' and contains(@class, 'connection ')]");
        assertThat(shipping.getAttribute("data-from")).isEqualTo("mgc:primary");
        assertThat(shipping.getAttribute("data-to")).isEqualTo("mgc:backup");
        assertThat(texts(diagram.one("//*[@data-connection='mgc:log-shipping' and @class='connection-label']")))
                .containsExactly("log shipping every 15 min", "\\\\fs01.contoso.local\\pchat-logship");
    }

    @Test
    void nextHopPoolFileStoreAndLegendAreShown() {
        SvgDocument diagram = draw(Contoso.topology(), List.of());
        assertThat(texts(diagram.one("//*[@data-note='next-hop']")))
                .containsExactly("Next-hop Front End pool", "fepool-par.contoso.local (Europe/Paris)");
        assertThat(texts(diagram.one("//*[@data-note='file-store']")))
                .containsExactly("File store", "\\\\fs01.contoso.local\\pchat-files");
        assertThat(texts(diagram.one("//*[@id='pcd-legend']")))
                .contains("Legend", "active server", "idle server", "rule broken (error)", "rule to check (warning)");
    }

    @Test
    void complianceDatabaseIsDrawnWhenPresent() {
        SvgDocument without = draw(Contoso.topology(), List.of());
        assertThat(without.all("//*[@data-database='mgccomp']")).isEmpty();

        SvgDocument with = draw(Contoso.with(Contoso::enableDedicatedCompliance), List.of());
        assertThat(with.all("//*[@data-database='mgccomp']"))
                .extracting(copy -> copy.getAttribute("data-copy"))
                .containsExactlyInAnyOrder(
                        "mgccomp:primary",
                        "mgccomp:mirror",
                        "mgccomp:witness",
                        "mgccomp:backup",
                        "mgccomp:backup-mirror");
        assertThat(with.all("//*[@data-connection='mgccomp:log-shipping' and contains(@class, 'connection ')]"))
                .hasSize(1);
        assertThat(texts(site(with, "PAR"))).contains("mgc — chat content", "mgccomp — compliance");
    }

    @Test
    void poolWithoutWitnessOrBackupMirrorDrawsNoSuchShapes() {
        SvgDocument diagram = draw(
                Contoso.with(d -> {
                    d.pool().mgc().witness = null;
                    d.pool().mgc().backupMirror = null;
                }),
                List.of());
        assertThat(diagram.all("//*[@data-copy]"))
                .extracting(copy -> copy.getAttribute("data-copy"))
                .containsExactlyInAnyOrder("mgc:primary", "mgc:mirror", "mgc:backup");
        assertThat(diagram.all("//*[contains(@class, 'witness')]")).isEmpty();
        assertThat(diagram.all("//*[@data-connection='mgc:backup-mirroring']")).isEmpty();
        assertThat(diagram.all("//*[@data-connection='mgc:mirroring']")).isNotEmpty();
        assertThat(diagram.all("//*[@data-connection='mgc:log-shipping']")).isNotEmpty();
    }

    @Test
    void aCopyIsDrawnWhereItsInstanceReallyIs() {
        SvgDocument diagram = draw(
                Contoso.with(d -> d.instance("par-sql-2").site = "LYO"),
                List.of(violation("T-8", Severity.ERROR, "pools[0].databases[0].mirror")));

        Element mirror = diagram.one("//*[@data-copy='mgc:mirror']");
        assertThat(mirror.getAttribute("data-site")).isEqualTo("LYO");
        assertThat(within(box(mirror), siteBox(diagram, "LYO"))).isTrue();
        assertThat(mirror.getAttribute("class")).contains("violation-error");
        assertThat(diagram.all("//*[@data-connection='mgc:mirroring' and contains(@class, 'connection ')]"))
                .hasSize(1);

        // The mirror now stands between the primary and the backup: log shipping goes over it.
        Element shipping = diagram.one("//*[@data-connection='mgc:log-shipping' and contains(@class, 'connection ')]");
        String[] route = SvgDocument.all(shipping, "./*[local-name()='path']")
                .getFirst()
                .getAttribute("d")
                .split(" ");
        double lane = Double.parseDouble(route[1].substring(1));
        assertThat(lane).isLessThan(box(mirror)[1] - 20);
        assertThat(SvgDocument.all(shipping, "./*[local-name()='line']")).isEmpty();
        assertNoShapesOverlap(diagram);
    }

    @Test
    void violationOnAServerOutlinesThatServerWithTheRuleId() {
        SvgDocument diagram = draw(
                Contoso.topology(),
                List.of(
                        violation("T-5", Severity.WARNING, "pools[0].servers[2].active"),
                        violation("T-7", Severity.ERROR, "pools[0].servers[4]")));

        Element warned = diagram.one("//*[@data-server='pc03.contoso.local']");
        assertThat(warned.getAttribute("class")).contains("violation-warning").doesNotContain("violation-error");
        assertThat(warned.getAttribute("data-rules")).isEqualTo("T-5");
        assertThat(texts(SvgDocument.all(warned, ".//*[@class='violation-marker']")
                        .getFirst()))
                .containsExactly("T-5");
        assertThat(SvgDocument.all(warned, "./*[@class='violation-outline']")).hasSize(1);

        Element failed = diagram.one("//*[@data-server='pc11.contoso.local']");
        assertThat(failed.getAttribute("class")).contains("violation-error");
        assertThat(texts(failed)).contains("T-7");

        assertThat(diagram.all("//*[contains(@class, 'violation-error') or contains(@class, 'violation-warning')]"))
                .as("nothing else is marked")
                .hasSize(2);
        assertThat(diagram.all("//*[@id='pcd-unplaced-violations']")).isEmpty();
    }

    @Test
    void violationsOnCopiesAndInstancesMarkTheirShapesWithEveryRuleId() {
        SvgDocument diagram = draw(
                Contoso.topology(),
                List.of(
                        violation("T-8", Severity.ERROR, "pools[0].databases[0].mirror"),
                        violation("T-10", Severity.WARNING, "pools[0].databases[0].mirror"),
                        violation("T-9", Severity.WARNING, "sqlInstances[3].version"),
                        violation("T-13", Severity.INFO, "pools[0].servers[0]")));

        Element mirror = diagram.one("//*[@data-copy='mgc:mirror']");
        assertThat(mirror.getAttribute("class")).contains("violation-error");
        assertThat(texts(mirror)).contains("T-8, T-10");
        assertThat(SvgDocument.all(mirror, "./*[local-name()='title']")
                        .getFirst()
                        .getTextContent())
                .contains("T-8 (error): rule.T-8", "T-10 (warning): rule.T-10");

        Element backup = diagram.one("//*[@data-copy='mgc:backup']");
        assertThat(backup.getAttribute("class")).contains("violation-warning");
        assertThat(texts(backup)).contains("T-9");

        assertThat(diagram.one("//*[@data-server='pc01.contoso.local']").getAttribute("class"))
                .as("INFO findings are not marked")
                .doesNotContain("violation");
        assertThat(diagram.all("//*[@data-rule='T-13']")).isEmpty();
    }

    @Test
    void violationsThatMatchNoElementAreListedUnderTheDiagram() {
        SvgDocument diagram = draw(
                Contoso.topology(),
                List.of(
                        new Violation("T-5", Severity.WARNING, "pools[0].siteLink", "rule.layout", List.of("2", "4")),
                        violation("T-1", Severity.ERROR, "pools[0].servers"),
                        violation("T-99", Severity.ERROR, "pools[3].servers[0]")));

        List<Element> listed = diagram.all("//*[@id='pcd-unplaced-violations']/*[@data-rule]");
        assertThat(listed).extracting(item -> item.getAttribute("data-rule")).containsExactly("T-5", "T-1");
        assertThat(listed.get(0).getAttribute("class")).contains("violation-warning");
        assertThat(listed.get(0).getTextContent()).contains("T-5", "warning", "pools[0].siteLink", "rule.layout");
        assertThat(listed.get(1).getAttribute("data-path")).isEqualTo("pools[0].servers");
        assertThat(texts(diagram.one("//*[@id='pcd-unplaced-violations']")))
                .first()
                .isEqualTo("Findings not shown on the drawing");
        assertThat(diagram.all("//*[@data-rule='T-99']"))
                .as("another pool's finding")
                .isEmpty();
    }

    @Test
    void violationMessagesAreTranslatedWithTheirArguments() {
        Function<String, String> text =
                key -> key.equals("rule.layout") ? "{0} active and {1} idle" : ENGLISH.apply(key);
        String svg = TopologyDiagram.svg(
                Contoso.topology(),
                Contoso.POOL,
                List.of(new Violation("T-5", Severity.WARNING, "pools[0].siteLink", "rule.layout", List.of("3", "5"))),
                text);
        assertThat(SvgDocument.parse(svg).one("//*[@data-rule='T-5']").getTextContent())
                .contains("3 active and 5 idle");
    }

    @Test
    void hostileNamesComeOutAsText() {
        String hostile = "</text><script>alert(1)</script>";
        String quoted = "Paris & \"Saint-Denis\" <'nord'>";
        Topology topology = Contoso.with(d -> {
            d.name = "<b>Contoso</b>";
            d.sites.set(0, new Site("PAR", quoted, "Europe/Paris"));
            d.instance("par-sql-1").host = "<img src=x onerror=alert(1)>";
            d.instance("par-sql-1").instance = "]]>";
            d.pool().servers.getFirst().fqdn = hostile;
        });

        String svg = TopologyDiagram.svg(
                topology,
                Contoso.POOL,
                List.of(new Violation("<T-8>", Severity.ERROR, "pools[0].servers[0]", "x", List.of())),
                ENGLISH);
        SvgDocument diagram = SvgDocument.parse(svg);

        assertThat(diagram.all("//*[local-name()='script' or local-name()='img' or local-name()='b']"))
                .isEmpty();
        Element server = diagram.one("//*[@data-server='" + hostile + "']");
        assertThat(texts(server)).contains(hostile, "<T-8>");
        assertThat(texts(site(diagram, "PAR"))).contains(quoted);
        assertThat(texts(diagram.one("//*[@data-copy='mgc:primary']"))).contains("<img src=x onerror=alert(1)>\\]]>");
        assertThat(svg).doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void unknownPoolIsRefused() {
        assertThatThrownBy(() -> TopologyDiagram.svg(Contoso.topology(), "nope.contoso.local", List.of(), ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.contoso.local");
        assertThatThrownBy(() -> TopologyDiagram.svg(Contoso.topology(), null, List.of(), ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poolIsFoundWhateverTheCase() {
        String svg = TopologyDiagram.svg(Contoso.topology(), "PCHAT.Contoso.Local", List.of(), ENGLISH);
        assertThat(SvgDocument.parse(svg).root().getAttribute("data-pool")).isEqualTo("pchat.contoso.local");
    }

    @Test
    void largestLegalPoolKeepsEveryShapeApartAndInsideTheDrawing() throws IOException {
        String svg = TopologyDiagram.svg(Contoso.largest(), Contoso.POOL, List.of(), ENGLISH);
        Files.writeString(Path.of("target/largest-diagram.svg"), svg, StandardCharsets.UTF_8);
        SvgDocument diagram = SvgDocument.parse(svg);

        assertThat(diagram.all("//*[@data-server]")).hasSize(8);
        assertThat(diagram.all("//*[@data-copy]")).hasSize(12);
        assertThat(diagram.all("//*[contains(@class, 'witness-link')]")).hasSize(4);
        assertNoShapesOverlap(diagram);
        double width = number(diagram.root(), "width");
        double height = number(diagram.root(), "height");
        for (Element shape : diagram.all("//*[@data-server or @data-copy or @data-note]")) {
            double[] box = box(shape);
            assertThat(box[0] >= 0 && box[1] >= 0 && box[0] + box[2] <= width && box[1] + box[3] <= height)
                    .as("inside the drawing: %s", shape.getAttribute("data-copy") + shape.getAttribute("data-server"))
                    .isTrue();
        }
    }

    @Test
    void frenchReaderGetsFrenchLabels() throws IOException {
        String svg = TopologyDiagram.svg(Contoso.topology(), Contoso.POOL, List.of(), Bundles.french());
        Files.writeString(Path.of("target/contoso-diagram-fr.svg"), svg, StandardCharsets.UTF_8);
        SvgDocument diagram = SvgDocument.parse(svg);
        assertThat(texts(diagram.one("//*[@data-server='pc01.contoso.local']"))).contains("actif");
        assertThat(texts(diagram.one("//*[@data-server='pc03.contoso.local']"))).contains("inactif");
        assertThat(texts(diagram.one("//*[@data-connection='mgc:log-shipping' and @class='connection-label']")))
                .contains("copie des journaux de transaction toutes les 15 min");
    }

    private static Element site(SvgDocument diagram, String id) {
        return diagram.one("//*[contains(concat(' ', @class, ' '), ' site ') and @data-site='" + id + "']");
    }

    private static double[] siteBox(SvgDocument diagram, String id) {
        return box(site(diagram, id));
    }

    private static boolean within(double[] inner, double[] outer) {
        return inner[0] >= outer[0]
                && inner[1] >= outer[1]
                && inner[0] + inner[2] <= outer[0] + outer[2]
                && inner[1] + inner[3] <= outer[1] + outer[3];
    }

    private static void assertNoShapesOverlap(SvgDocument diagram) {
        List<Element> shapes = diagram.all("//*[@data-server or @data-copy or @data-note]");
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                double[] a = box(shapes.get(i));
                double[] b = box(shapes.get(j));
                boolean apart =
                        a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
                assertThat(apart)
                        .as("%s and %s overlap", describe(shapes.get(i)), describe(shapes.get(j)))
                        .isTrue();
            }
        }
    }

    private static String describe(Element shape) {
        return shape.getAttribute("data-server") + shape.getAttribute("data-copy") + shape.getAttribute("data-note");
    }
}
