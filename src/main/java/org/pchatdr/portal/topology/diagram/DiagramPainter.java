package org.pchatdr.portal.topology.diagram;

import static org.pchatdr.portal.topology.diagram.DiagramLayout.BADGE_ROOM;
import static org.pchatdr.portal.topology.diagram.DiagramLayout.COPY_HEIGHT;
import static org.pchatdr.portal.topology.diagram.DiagramLayout.CYLINDER_RY;
import static org.pchatdr.portal.topology.diagram.DiagramLayout.MARGIN;
import static org.pchatdr.portal.topology.diagram.DiagramLayout.NOTE_HEIGHT;
import static org.pchatdr.portal.topology.diagram.DiagramLayout.PAD;
import static org.pchatdr.portal.topology.diagram.DiagramLayout.SERVER_HEIGHT;
import static org.pchatdr.portal.topology.diagram.DiagramLayout.WITNESS_GAP;
import static org.pchatdr.portal.topology.diagram.DiagramLayout.laneY;
import static org.pchatdr.portal.topology.diagram.Style.ERROR_COLOUR;
import static org.pchatdr.portal.topology.diagram.Style.INK;
import static org.pchatdr.portal.topology.diagram.Style.LOG_SHIPPING_COLOUR;
import static org.pchatdr.portal.topology.diagram.Style.MIRRORING_COLOUR;
import static org.pchatdr.portal.topology.diagram.Style.MUTED;
import static org.pchatdr.portal.topology.diagram.Style.WARNING_COLOUR;
import static org.pchatdr.portal.topology.diagram.ViolationMarks.badge;
import static org.pchatdr.portal.topology.diagram.ViolationMarks.mark;
import static org.pchatdr.portal.topology.diagram.ViolationMarks.rules;
import static org.pchatdr.portal.topology.diagram.ViolationMarks.violationClass;
import static org.pchatdr.portal.topology.diagram.ViolationMarks.violationColour;
import static org.pchatdr.portal.topology.diagram.ViolationMarks.worst;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.Violation;
import org.pchatdr.portal.topology.diagram.DiagramLayout.Band;
import org.pchatdr.portal.topology.diagram.DiagramLayout.Box;
import org.pchatdr.portal.topology.diagram.DiagramLayout.Column;
import org.pchatdr.portal.topology.diagram.DiagramLayout.Copy;
import org.pchatdr.portal.topology.diagram.DiagramLayout.Link;
import org.pchatdr.portal.topology.diagram.DiagramLayout.WitnessLinks;

/**
 * Paints a {@link DiagramLayout} as SVG: shapes, texts, hover titles and the marks of the rule
 * findings on what they concern. Places nothing itself beyond the texts inside a shape.
 */
final class DiagramPainter {

    private final DiagramLayout layout;
    private final Findings findings;
    private final DiagramTexts texts;
    private final Topology topology;
    private final Pool pool;
    private final List<Column> columns;
    private final List<Copy> copies;
    private final List<Link> links;
    private final List<WitnessLinks> witnessLinks;
    private final List<Band> bands;
    private final double siteTop;
    private final double siteBottom;

    DiagramPainter(DiagramLayout layout, Findings findings, DiagramTexts texts) {
        this.layout = layout;
        this.findings = findings;
        this.texts = texts;
        this.topology = layout.topology();
        this.pool = layout.pool();
        this.columns = layout.columns();
        this.copies = layout.copies();
        this.links = layout.links();
        this.witnessLinks = layout.witnessLinks();
        this.bands = layout.bands();
        this.siteTop = layout.siteTop();
        this.siteBottom = layout.siteBottom();
    }

    String draw() {
        double columnsRight = columns.isEmpty()
                ? MARGIN
                : columns.getLast().x + columns.getLast().width();
        double wrap = Math.max(columnsRight - MARGIN, 560);

        Svg body = new Svg();
        double right = columnsRight;
        right = Math.max(right, drawHeading(body));
        columns.forEach(column -> drawSite(body, column));
        for (int i = 0; i < pool.servers().size(); i++) {
            drawServer(body, i);
        }
        witnessLinks.forEach(watch -> drawWitnessLinks(body, watch));
        links.forEach(link -> drawLinkLine(body, link));
        copies.forEach(copy -> drawCopy(body, copy));
        links.forEach(link -> drawLinkLabels(body, link));
        double y = siteBottom;
        double[] notes = drawNotes(body, y);
        right = Math.max(right, notes[0]);
        y = notes[1];
        double[] legend = drawLegend(body, y, wrap);
        right = Math.max(right, legend[0]);
        y = legend[1];
        double[] unplaced = drawUnplaced(body, y, wrap);
        right = Math.max(right, unplaced[0]);
        y = unplaced[1];

        double width = Math.ceil(right + MARGIN);
        double height = Math.ceil(y + MARGIN);
        Svg svg = new Svg();
        svg.open(
                "svg",
                "xmlns",
                "http://www.w3.org/2000/svg",
                "width",
                width,
                "height",
                height,
                "viewBox",
                "0 0 " + Svg.number(width) + " " + Svg.number(height),
                // The natural size stays in width and height (a downloaded file opens at it); inline,
                // in the wizard and in print, the drawing shrinks to its container instead of being
                // clipped, keeping its aspect ratio (issue 12: two servers lost at 1440 px).
                "preserveAspectRatio",
                "xMidYMid meet",
                "style",
                "max-width:100%;height:auto",
                "font-family",
                "sans-serif",
                "role",
                "img",
                "aria-labelledby",
                "pcd-description",
                "data-pool",
                pool.fqdn());
        svg.text("title", t(Label.DESCRIPTION, pool.fqdn()), "id", "pcd-description");
        defs(svg);
        svg.empty("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff");
        svg.append(body);
        svg.close();
        return svg.finish();
    }

    private static void defs(Svg svg) {
        svg.open("defs");
        for (String[] marker : new String[][] {
            {"pcd-arrow-mirroring", MIRRORING_COLOUR},
            {"pcd-arrow-log-shipping", LOG_SHIPPING_COLOUR},
            {"pcd-arrow-error", ERROR_COLOUR},
            {"pcd-arrow-warning", WARNING_COLOUR}
        }) {
            svg.open(
                    "marker",
                    "id",
                    marker[0],
                    "viewBox",
                    "0 0 10 10",
                    "refX",
                    9,
                    "refY",
                    5,
                    "markerWidth",
                    10,
                    "markerHeight",
                    10,
                    "markerUnits",
                    "userSpaceOnUse",
                    "orient",
                    "auto");
            svg.empty("path", "d", "M0,0 L10,5 L0,10 z", "fill", marker[1]);
            svg.close();
        }
        svg.close();
    }

    private double drawHeading(Svg svg) {
        svg.open("g", "id", "pcd-heading");
        svg.text(
                "text",
                pool.fqdn(),
                "x",
                MARGIN,
                "y",
                MARGIN + 18,
                "font-size",
                20,
                "font-weight",
                "bold",
                "fill",
                INK);
        String subtitle = Objects.toString(topology.name(), "");
        if (pool.siteLink() != null) {
            String link = t(
                    switch (pool.siteLink()) {
                        case HIGH_BANDWIDTH -> Label.LINK_HIGH_BANDWIDTH;
                        case LOW_BANDWIDTH -> Label.LINK_LOW_BANDWIDTH;
                    });
            subtitle = subtitle.isEmpty() ? link : subtitle + " · " + link;
        }
        svg.text("text", subtitle, "x", MARGIN, "y", MARGIN + 40, "font-size", 12, "fill", MUTED);
        svg.close();
        return MARGIN + Math.max(TextWidth.of(pool.fqdn(), 20, true), TextWidth.of(subtitle, 12, false));
    }

    private void drawSite(Svg svg, Column column) {
        String target = column.siteId == null ? null : Findings.site(column.siteId);
        List<Violation> marks = target == null ? List.of() : findings.on(target);
        svg.open(
                "g",
                "class",
                "site" + violationClass(marks),
                "data-site",
                column.siteId,
                "data-site-role",
                column.role == Label.PRIMARY_SITE
                        ? "primary"
                        : column.role == Label.SECONDARY_SITE ? "secondary" : "other",
                "data-rules",
                rules(marks));
        String hover = column.name() + " — " + layout.subtitle(column)
                + (column.site == null || column.site.timeZone() == null ? "" : " — " + column.site.timeZone());
        svg.text("title", hover + describe(marks));
        double width = column.width();
        double height = siteBottom - siteTop;
        svg.rect(column.x, siteTop, width, height, 14, Style.SITE);
        svg.text(
                "text",
                column.name(),
                "x",
                column.x + PAD,
                "y",
                siteTop + 24,
                "font-size",
                14,
                "font-weight",
                "bold",
                "fill",
                INK);
        svg.text(
                "text",
                layout.subtitle(column),
                "x",
                column.x + PAD,
                "y",
                siteTop + 42,
                "font-size",
                11,
                "fill",
                MUTED);
        for (Band band : bands) {
            if (!column.row(band.database).isEmpty()
                    || !column.witnesses(band.database).isEmpty()) {
                svg.text(
                        "text",
                        layout.databaseLabel(band.database),
                        "x",
                        column.x + PAD,
                        "y",
                        band.top + 12,
                        "font-size",
                        12,
                        "font-weight",
                        "bold",
                        "fill",
                        MUTED);
            }
        }
        mark(svg, marks, column.x, siteTop, width, height, 14);
        svg.close();
    }

    private void drawServer(Svg svg, int index) {
        Server server = pool.servers().get(index);
        Box box = layout.server(index);
        double x = box.x();
        double y = box.y();
        double serverWidth = box.width();
        String state = server.active() ? "active" : "idle";
        List<Violation> marks = findings.on(Findings.server(index));
        svg.open(
                "g",
                "class",
                "server server-" + state + violationClass(marks),
                "data-server",
                server.fqdn(),
                "data-state",
                state,
                "data-site",
                server.site(),
                "data-rules",
                rules(marks));
        String stateText = t(server.active() ? Label.ACTIVE : Label.IDLE);
        svg.text(
                "title",
                server.fqdn() + " — " + stateText + " — " + Objects.toString(server.site(), "?") + describe(marks));
        Style style = server.active() ? Style.ACTIVE_SERVER : Style.IDLE_SERVER;
        svg.rect(x, y, serverWidth, SERVER_HEIGHT, 6, style);
        svg.text("text", server.fqdn(), "x", x + 12, "y", y + 17, "font-size", 12, "fill", INK);
        svg.text(
                "text",
                stateText,
                "class",
                "state",
                "x",
                x + 12,
                "y",
                y + 33,
                "font-size",
                11,
                "font-weight",
                "bold",
                "fill",
                style.stroke());
        mark(svg, marks, x, y, serverWidth, SERVER_HEIGHT, 6);
        svg.close();
    }

    private void drawCopy(Svg svg, Copy copy) {
        List<Violation> marks = findings.on(Findings.copy(copy.database, copy.role));
        svg.open(
                "g",
                "class",
                (copy.role.isWitness() ? "copy witness" : "copy") + violationClass(marks),
                "data-copy",
                copy.dataId(),
                "data-database",
                copy.databaseName(),
                "data-role",
                copy.role.slug(),
                "data-instance",
                copy.instanceId,
                "data-site",
                copy.column.siteId,
                "data-rules",
                rules(marks));
        svg.text("title", copyHover(copy) + describe(marks));
        double x = copy.x;
        double y = copy.y;
        double w = copy.width;
        double h = copy.height;
        double textTop;
        if (copy.role.isWitness()) {
            svg.rect(x, y, w, h, 10, Style.WITNESS);
            textTop = y;
        } else {
            cylinder(svg, x, y, w, h, copyStyle(copy));
            textTop = y + 2 * CYLINDER_RY - 2;
        }
        svg.text(
                "text",
                t(copy.label()),
                "class",
                "role",
                "x",
                x + 12,
                "y",
                textTop + 18,
                "font-size",
                12,
                "font-weight",
                "bold",
                "fill",
                INK);
        svg.text("text", copy.instanceId, "x", x + 12, "y", textTop + 33, "font-size", 11, "fill", INK);
        svg.text("text", layout.address(copy), "x", x + 12, "y", textTop + 48, "font-size", 11, "fill", MUTED);
        mark(svg, marks, x, y, w, h, 8);
        svg.close();
    }

    private static Style copyStyle(Copy copy) {
        return switch (copy.role) {
            case BACKUP, BACKUP_MIRROR -> Style.BACKUP_COPY;
            default -> Style.PRIMARY_COPY;
        };
    }

    private static void cylinder(Svg svg, double x, double y, double w, double h, Style style) {
        double rx = w / 2;
        double ry = CYLINDER_RY;
        String body = "M" + Svg.number(x) + "," + Svg.number(y + ry)
                + " V" + Svg.number(y + h - ry)
                + " A" + Svg.number(rx) + "," + Svg.number(ry) + " 0 0 0 " + Svg.number(x + w) + ","
                + Svg.number(y + h - ry)
                + " V" + Svg.number(y + ry) + " Z";
        svg.path(body, style, null);
        svg.ellipse(x + rx, y + ry, rx, ry, style);
    }

    private String copyHover(Copy copy) {
        String head = copy.databaseName() + " · " + t(copy.label()) + " — " + copy.instanceId;
        SqlInstance instance = copy.instance;
        if (instance == null) {
            return head + ": " + t(Label.UNKNOWN_INSTANCE);
        }
        return head
                + ": "
                + t(
                        Label.SQL_DETAILS,
                        copy.address(),
                        instance.port(),
                        instance.version() == null ? "?" : instance.version().label(),
                        Objects.toString(instance.edition(), "?"),
                        Objects.toString(instance.site(), "?"));
    }

    private void drawLinkLine(Svg svg, Link link) {
        List<Violation> marks = findings.on(link.target);
        String colour = marks.isEmpty() ? linkStyle(link).stroke() : violationColour(marks);
        String marker = "url(#pcd-arrow-"
                + (marks.isEmpty() ? link.kind : worst(marks) == Severity.ERROR ? "error" : "warning")
                + ")";
        svg.open(
                "g",
                "class",
                "connection " + link.kind + violationClass(marks),
                "data-connection",
                link.id,
                "data-from",
                link.from.dataId(),
                "data-to",
                link.to.dataId(),
                "data-rules",
                rules(marks));
        svg.text("title", String.join(" — ", link.labels) + describe(marks));
        Style style = linkStyle(link).withStroke(colour);
        if (link.lane < 0) {
            double y = link.from.y + COPY_HEIGHT / 2;
            boolean rightwards = link.from.x < link.to.x;
            double x1 = rightwards ? link.from.x + link.from.width : link.from.x;
            double x2 = rightwards ? link.to.x : link.to.x + link.to.width;
            svg.line(x1, y, x2, y, style, marker);
        } else {
            double top = link.from.y;
            double laneY = laneY(link);
            String path = "M" + Svg.number(link.fromX) + "," + Svg.number(top)
                    + " V" + Svg.number(laneY)
                    + " H" + Svg.number(link.toX)
                    + " V" + Svg.number(top);
            svg.path(path, style.withFill("none"), marker);
        }
        svg.close();
    }

    /** Labels come after the copies so that no shape hides them. */
    private void drawLinkLabels(Svg svg, Link link) {
        List<Violation> marks = findings.on(link.target);
        svg.open("g", "class", "connection-label", "data-connection", link.id);
        String colour = marks.isEmpty() ? linkStyle(link).stroke() : violationColour(marks);
        String rules = rules(marks);
        double badgeWidth = rules == null ? 0 : TextWidth.of(rules, 10, true) + 10;
        if (link.lane < 0) {
            boolean rightwards = link.from.x < link.to.x;
            double x1 = rightwards ? link.from.x + link.from.width : link.from.x;
            double x2 = rightwards ? link.to.x : link.to.x + link.to.width;
            double centre = (x1 + x2) / 2;
            double y = link.from.y + COPY_HEIGHT / 2;
            label(svg, link.labels.getFirst(), centre, y - 7, colour);
            if (link.labels.size() > 1) {
                label(svg, link.labels.get(1), centre, y + 16, colour);
            }
            if (rules != null) {
                badge(svg, marks, rules, centre - badgeWidth / 2, y - 34);
            }
        } else {
            // On the lane itself, so that nothing rises into the database heading above the lanes.
            String text = String.join(" · ", link.labels);
            double width = TextWidth.of(text, 11, false);
            double centre = (link.fromX + link.toX) / 2;
            double y = laneY(link);
            svg.empty(
                    "rect",
                    "x",
                    centre - width / 2 - 4,
                    "y",
                    y - 8,
                    "width",
                    width + 8,
                    "height",
                    16,
                    "fill",
                    "#ffffff");
            label(svg, text, centre, y + 4, colour);
            if (rules != null) {
                badge(svg, marks, rules, centre + width / 2 + 8, y - 8);
            }
        }
        svg.close();
    }

    private void drawWitnessLinks(Svg svg, WitnessLinks watch) {
        List<Violation> marks = findings.on(Findings.WITNESS);
        String colour = marks.isEmpty() ? Style.WITNESS_LINK.stroke() : violationColour(marks);
        Copy witness = watch.witness();
        svg.open(
                "g",
                "class",
                "connection witness-link" + violationClass(marks),
                "data-connection",
                watch.id(),
                "data-from",
                witness.dataId(),
                "data-rules",
                rules(marks));
        svg.text("title", watch.label() + describe(marks));
        double centre = witness.centreX();
        for (Copy partner : watch.partners()) {
            double startX = partner.centreX() < centre - 1
                    ? centre - witness.width / 4
                    : partner.centreX() > centre + 1 ? centre + witness.width / 4 : centre;
            boolean above = partner.y < witness.y;
            svg.line(
                    startX,
                    above ? witness.y : witness.y + witness.height,
                    partner.centreX(),
                    above ? partner.y + partner.height : partner.y,
                    Style.WITNESS_LINK.withStroke(colour),
                    null,
                    "class",
                    "witness-line",
                    "data-to",
                    partner.dataId());
        }
        double labelY = witness.y - WITNESS_GAP / 2 + 4;
        label(svg, watch.label(), centre, labelY, colour);
        if (!marks.isEmpty()) {
            String rules = rules(marks);
            double w = TextWidth.of(rules, 10, true) + 10;
            badge(svg, marks, rules, centre - w / 2, labelY - 28);
        }
        svg.close();
    }

    private static void label(Svg svg, String text, double x, double y, String colour) {
        svg.text(
                "text",
                text,
                "x",
                x,
                "y",
                y,
                "font-size",
                11,
                "text-anchor",
                "middle",
                "fill",
                colour,
                "stroke",
                "#ffffff",
                "stroke-width",
                3,
                "stroke-linejoin",
                "round",
                "paint-order",
                "stroke");
    }

    private static Style linkStyle(Link link) {
        return link.kind.equals("log-shipping") ? Style.LOG_SHIPPING : Style.MIRRORING;
    }

    /** @return the right edge and the bottom of the notes */
    private double[] drawNotes(Svg svg, double siteBottom) {
        double top = siteBottom + 20 + BADGE_ROOM;
        double x = MARGIN;
        boolean any = false;
        if (pool.nextHopPool() != null) {
            String value = pool.nextHopPool().fqdn()
                    + (pool.nextHopPool().timeZone() == null
                            ? ""
                            : " (" + pool.nextHopPool().timeZone() + ")");
            x = note(svg, "next-hop", Findings.NEXT_HOP, t(Label.NEXT_HOP), value, x, top) + 24;
            any = true;
        }
        if (pool.fileStore() != null) {
            x = note(svg, "file-store", Findings.FILE_STORE, t(Label.FILE_STORE), pool.fileStore(), x, top) + 24;
            any = true;
        }
        return any ? new double[] {x - 24, top + NOTE_HEIGHT} : new double[] {MARGIN, siteBottom};
    }

    private double note(Svg svg, String kind, String target, String heading, String value, double x, double y) {
        List<Violation> marks = findings.on(target);
        double w = Math.max(TextWidth.of(heading, 11, true), TextWidth.of(value, 11, false)) + 34;
        svg.open("g", "class", "note" + violationClass(marks), "data-note", kind, "data-rules", rules(marks));
        svg.text("title", heading + ": " + value + describe(marks));
        double fold = 10;
        String path = "M" + Svg.number(x) + "," + Svg.number(y)
                + " H" + Svg.number(x + w - fold)
                + " L" + Svg.number(x + w) + "," + Svg.number(y + fold)
                + " V" + Svg.number(y + NOTE_HEIGHT)
                + " H" + Svg.number(x) + " Z";
        svg.path(path, Style.NOTE, null);
        svg.path(
                "M" + Svg.number(x + w - fold) + "," + Svg.number(y) + " V" + Svg.number(y + fold) + " H"
                        + Svg.number(x + w),
                Style.NOTE.withFill("none"),
                null);
        svg.text("text", heading, "x", x + 12, "y", y + 17, "font-size", 11, "font-weight", "bold", "fill", INK);
        svg.text("text", value, "x", x + 12, "y", y + 34, "font-size", 11, "fill", INK);
        mark(svg, marks, x, y, w, NOTE_HEIGHT, 4);
        svg.close();
        return x + w;
    }

    /** @return the right edge and the bottom of the legend */
    private double[] drawLegend(Svg svg, double top, double wrap) {
        double y = top + 28;
        svg.open("g", "id", "pcd-legend", "class", "legend");
        svg.text("text", t(Label.LEGEND), "x", MARGIN, "y", y, "font-size", 13, "font-weight", "bold", "fill", INK);
        List<Label> items = List.of(
                Label.LEGEND_ACTIVE_SERVER,
                Label.LEGEND_IDLE_SERVER,
                Label.LEGEND_DATABASE_COPY,
                Label.LEGEND_WITNESS,
                Label.LEGEND_MIRRORING,
                Label.LEGEND_WITNESS_LINK,
                Label.LEGEND_LOG_SHIPPING,
                Label.LEGEND_ERROR,
                Label.LEGEND_WARNING);
        double cell = 0;
        for (Label item : items) {
            cell = Math.max(cell, 44 + TextWidth.of(t(item), 11, false) + 24);
        }
        int fit = (int) Math.max(1, Math.floor((wrap + 24) / cell));
        int rows = (items.size() + fit - 1) / fit;
        int perRow = (items.size() + rows - 1) / rows;
        double rowY = y + 12;
        double right = MARGIN;
        for (int i = 0; i < items.size(); i++) {
            Label item = items.get(i);
            double x = MARGIN + (i % perRow) * cell;
            rowY = y + 12 + (i / perRow) * 26;
            svg.open("g", "class", "legend-item", "data-legend", item.key().substring("diagram.legend.".length()));
            swatch(svg, item, x, rowY);
            svg.text("text", t(item), "x", x + 44, "y", rowY + 13, "font-size", 11, "fill", INK);
            svg.close();
            right = Math.max(right, x + cell - 24);
        }
        svg.close();
        return new double[] {right, rowY + 18};
    }

    /** The legend's sample of each kind, painted in the same styles as the drawing. */
    private static void swatch(Svg svg, Label item, double x, double y) {
        switch (item) {
            case LEGEND_ACTIVE_SERVER -> svg.rect(x, y, 34, 18, 4, Style.ACTIVE_SERVER);
            case LEGEND_IDLE_SERVER -> svg.rect(x, y, 34, 18, 4, Style.IDLE_SERVER);
            case LEGEND_DATABASE_COPY -> {
                svg.path(
                        "M" + Svg.number(x + 4) + "," + Svg.number(y + 4) + " V" + Svg.number(y + 15) + " A13,4 0 0 0 "
                                + Svg.number(x + 30) + "," + Svg.number(y + 15) + " V" + Svg.number(y + 4) + " Z",
                        Style.PRIMARY_COPY,
                        null);
                svg.ellipse(x + 17, y + 4, 13, 4, Style.PRIMARY_COPY);
            }
            case LEGEND_WITNESS -> svg.rect(x, y, 34, 18, 6, Style.WITNESS);
            case LEGEND_MIRRORING -> svg.line(x, y + 9, x + 34, y + 9, Style.MIRRORING, "url(#pcd-arrow-mirroring)");
            case LEGEND_WITNESS_LINK -> svg.line(x, y + 9, x + 34, y + 9, Style.WITNESS_LINK, null);
            case LEGEND_LOG_SHIPPING ->
                svg.line(x, y + 9, x + 34, y + 9, Style.LOG_SHIPPING, "url(#pcd-arrow-log-shipping)");
            case LEGEND_ERROR -> svg.rect(x + 2, y + 1, 30, 16, 4, Style.ERROR);
            case LEGEND_WARNING -> svg.rect(x + 2, y + 1, 30, 16, 4, Style.WARNING);
            default -> throw new IllegalArgumentException(item.name());
        }
    }

    /** @return the right edge and the bottom of the list of findings the drawing could not place */
    private double[] drawUnplaced(Svg svg, double top, double wrap) {
        List<Violation> unplaced = findings.unplaced();
        if (unplaced.isEmpty()) {
            return new double[] {MARGIN, top};
        }
        double y = top + 32;
        double right = MARGIN;
        svg.open("g", "id", "pcd-unplaced-violations", "class", "unplaced-violations");
        String heading = t(Label.UNPLACED_VIOLATIONS);
        svg.text("text", heading, "x", MARGIN, "y", y, "font-size", 13, "font-weight", "bold", "fill", INK);
        right = Math.max(right, MARGIN + TextWidth.of(heading, 13, true));
        for (Violation violation : unplaced) {
            boolean error = violation.severity() == Severity.ERROR;
            String line = Objects.toString(violation.ruleId(), "?")
                    + " · "
                    + t(error ? Label.ERROR : Label.WARNING)
                    + " · "
                    + Objects.toString(violation.path(), "")
                    + " — "
                    + message(violation);
            svg.open(
                    "g",
                    "class",
                    "unplaced-violation " + (error ? "violation-error" : "violation-warning"),
                    "data-rule",
                    violation.ruleId(),
                    "data-path",
                    violation.path());
            y += 20;
            svg.empty(
                    "rect",
                    "x",
                    MARGIN,
                    "y",
                    y - 10,
                    "width",
                    10,
                    "height",
                    10,
                    "fill",
                    error ? ERROR_COLOUR : WARNING_COLOUR);
            svg.open("text", "x", MARGIN + 18, "y", y, "font-size", 11, "fill", INK);
            List<String> lines = wrap(line, wrap - 18);
            for (int i = 0; i < lines.size(); i++) {
                svg.text("tspan", lines.get(i), "x", MARGIN + 18, "dy", i == 0 ? null : 15);
                right = Math.max(right, MARGIN + 18 + TextWidth.of(lines.get(i), 11, false));
            }
            y += (lines.size() - 1) * 15;
            svg.close();
            svg.close();
        }
        svg.close();
        return new double[] {right, y + 6};
    }

    /** Breaks at spaces; a word longer than the width stays whole on its own line. */
    private static List<String> wrap(String text, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && TextWidth.of(candidate, 11, false) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private String describe(List<Violation> marks) {
        StringBuilder text = new StringBuilder();
        for (Violation violation : marks) {
            text.append('\n')
                    .append(Objects.toString(violation.ruleId(), "?"))
                    .append(" (")
                    .append(t(violation.severity() == Severity.ERROR ? Label.ERROR : Label.WARNING))
                    .append("): ")
                    .append(message(violation));
        }
        return text.toString();
    }

    private String t(Label label, Object... arguments) {
        return texts.t(label, arguments);
    }

    private String message(Violation violation) {
        return texts.message(violation);
    }
}
