package org.pchatdr.portal.topology.diagram;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.Violation;

/**
 * Draws one pool. The layout is computed in passes — what goes in which site column, how wide each
 * column and gap must be for its texts, then the rows from top to bottom — so the same input always
 * gives the same picture and nothing is placed by hand. Copies are put in the column of the site
 * their SQL instance really is in; links between copies that do not stand side by side are routed
 * over the row of copies in lanes of their own.
 */
public final class DiagramRenderer {

    private static final double MARGIN = 24;
    private static final double PAD = 18;
    private static final double BADGE_ROOM = 22;
    private static final double HEADER_HEIGHT = 52;
    private static final double SERVER_HEIGHT = 42;
    private static final double SERVER_GAP_X = 16;
    private static final double SERVER_GAP_Y = BADGE_ROOM + 6;
    private static final double COPY_HEIGHT = 70;
    private static final double WITNESS_HEIGHT = 58;
    private static final double COPY_GAP = 28;
    private static final double WITNESS_GAP = 64;
    private static final double LANE = 24;
    private static final double BAND_GAP = 24;
    private static final double MIN_COLUMN_GAP = 48;
    private static final double NOTE_HEIGHT = 44;
    private static final double CYLINDER_RY = 7;

    private static final String INK = "#212121";
    private static final String MUTED = "#455a64";
    private static final String ACTIVE_FILL = "#dcf1dc";
    private static final String ACTIVE_STROKE = "#2e7d32";
    private static final String IDLE_FILL = "#eeeeee";
    private static final String IDLE_STROKE = "#757575";
    private static final String DC1_COPY_FILL = "#dbe8f7";
    private static final String DC2_COPY_FILL = "#fbeccd";
    private static final String COPY_STROKE = "#37474f";
    private static final String WITNESS_FILL = "#efe4f6";
    private static final String MIRRORING_COLOUR = "#1565c0";
    private static final String WITNESS_COLOUR = "#6a1b9a";
    private static final String LOG_SHIPPING_COLOUR = "#00796b";
    private static final String ERROR_COLOUR = "#c62828";
    private static final String WARNING_COLOUR = "#ef8f00";

    private final Topology topology;
    private final Pool pool;
    private final Function<String, String> text;
    private final List<Column> columns = new ArrayList<>();
    private final List<Copy> copies = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<WitnessLinks> witnessLinks = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final Findings findings;
    private double serverWidth;
    private double copyWidth;
    private double siteTop;
    private double siteBottom;

    private DiagramRenderer(
            Topology topology, int poolIndex, List<Violation> violations, Function<String, String> text) {
        this.topology = topology;
        this.pool = topology.pools().get(poolIndex);
        this.text = text;
        placeOnColumns();
        link();
        this.findings = Findings.of(topology, poolIndex, violations, drawnTargets());
    }

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
        return new DiagramRenderer(topology, poolIndex, violations == null ? List.of() : violations, text).draw();
    }

    // ---- what goes where

    private void placeOnColumns() {
        column(pool.primarySite(), Label.PRIMARY_SITE);
        column(pool.secondarySite(), Label.SECONDARY_SITE);
        List<Server> servers = pool.servers();
        for (int i = 0; i < servers.size(); i++) {
            column(servers.get(i).site(), null).servers.add(i);
        }
        for (int d = 0; d < pool.databases().size(); d++) {
            Database database = pool.databases().get(d);
            for (CopyRole role : CopyRole.values()) {
                String instanceId = role.instanceOf(database);
                if (instanceId == null) {
                    continue;
                }
                SqlInstance instance = topology.sqlInstance(instanceId).orElse(null);
                Column column = column(instance == null ? null : instance.site(), null);
                Copy copy = new Copy(d, database, role, instanceId, instance, column);
                copies.add(copy);
                (role.isWitness() ? column.witnesses(d) : column.row(d)).add(copy);
            }
        }
        for (Column column : columns) {
            column.rows.values().forEach(row -> row.sort(Comparator.comparingInt(copy -> copy.rowOrder())));
            column.witnessRows.values().forEach(row -> row.sort(Comparator.comparingInt(copy -> copy.rowOrder())));
        }
    }

    /** The column of a site, made on first use; {@code null} collects whatever has no known site. */
    private Column column(String siteId, Label role) {
        for (Column column : columns) {
            if (Objects.equals(column.siteId, siteId)) {
                return column;
            }
        }
        Site site = siteId == null ? null : topology.site(siteId).orElse(null);
        Label label = role != null ? role : site == null ? Label.UNKNOWN_SITE : Label.OTHER_SITE;
        Column column = new Column(columns.size(), siteId, site, label);
        columns.add(column);
        return column;
    }

    private void link() {
        for (int d = 0; d < pool.databases().size(); d++) {
            Map<CopyRole, Copy> byRole = new LinkedHashMap<>();
            for (Copy copy : copies) {
                if (copy.database == d) {
                    byRole.putIfAbsent(copy.role, copy);
                }
            }
            String name = databaseName(pool.databases().get(d));
            List<String> mirroring = mirroringLabels();
            pair(name + ":mirroring", byRole.get(CopyRole.PRIMARY), byRole.get(CopyRole.MIRROR), mirroring);
            pair(
                    name + ":backup-mirroring",
                    byRole.get(CopyRole.BACKUP),
                    byRole.get(CopyRole.BACKUP_MIRROR),
                    mirroring);
            Copy primary = byRole.get(CopyRole.PRIMARY);
            Copy backup = byRole.get(CopyRole.BACKUP);
            if (primary != null && backup != null) {
                links.add(new Link(
                        name + ":log-shipping",
                        "log-shipping",
                        Findings.LOG_SHIPPING,
                        primary,
                        backup,
                        logShippingLabels()));
            }
            witness(name + ":witness", byRole, CopyRole.WITNESS, CopyRole.PRIMARY, CopyRole.MIRROR);
            witness(name + ":backup-witness", byRole, CopyRole.BACKUP_WITNESS, CopyRole.BACKUP, CopyRole.BACKUP_MIRROR);
        }
    }

    private void pair(String id, Copy principal, Copy mirror, List<String> labels) {
        if (principal != null && mirror != null) {
            links.add(new Link(id, "mirroring", Findings.MIRRORING, principal, mirror, labels));
        }
    }

    private void witness(String id, Map<CopyRole, Copy> byRole, CopyRole witness, CopyRole... partners) {
        Copy watcher = byRole.get(witness);
        if (watcher == null) {
            return;
        }
        List<Copy> present = Arrays.stream(partners)
                .map(byRole::get)
                .filter(Objects::nonNull)
                .toList();
        if (!present.isEmpty()) {
            String port = pool.mirroring() == null
                    ? t(Label.WITNESS)
                    : t(Label.WITNESS) + " · " + t(Label.PORT, pool.mirroring().witnessPort());
            witnessLinks.add(new WitnessLinks(id, watcher, present, port));
        }
    }

    private List<String> mirroringLabels() {
        return pool.mirroring() == null
                ? List.of(t(Label.MIRRORING))
                : List.of(t(Label.MIRRORING), t(Label.PORT, pool.mirroring().partnerPort()));
    }

    private List<String> logShippingLabels() {
        var shipping = pool.logShipping();
        if (shipping == null) {
            return List.of(t(Label.LOG_SHIPPING));
        }
        String every = t(Label.LOG_SHIPPING) + " " + t(Label.EVERY_MINUTES, shipping.backupEveryMinutes());
        return shipping.share() == null ? List.of(every) : List.of(every, shipping.share());
    }

    private Set<String> drawnTargets() {
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < pool.servers().size(); i++) {
            drawn.add(Findings.server(i));
        }
        copies.forEach(copy -> drawn.add(Findings.copy(copy.database, copy.role)));
        columns.stream()
                .filter(column -> column.siteId != null)
                .forEach(column -> drawn.add(Findings.site(column.siteId)));
        if (pool.nextHopPool() != null) {
            drawn.add(Findings.NEXT_HOP);
        }
        if (pool.fileStore() != null) {
            drawn.add(Findings.FILE_STORE);
        }
        links.forEach(link -> drawn.add(link.target));
        if (!witnessLinks.isEmpty()) {
            drawn.add(Findings.WITNESS);
        }
        return drawn;
    }

    // ---- sizes and positions

    private void measure() {
        serverWidth = 150;
        for (Server server : pool.servers()) {
            serverWidth = Math.max(serverWidth, TextWidth.of(server.fqdn(), 12, false) + 24);
        }
        serverWidth = Math.max(serverWidth, TextWidth.of(t(Label.ACTIVE), 11, true) + 24);
        serverWidth = Math.max(serverWidth, TextWidth.of(t(Label.IDLE), 11, true) + 24);
        copyWidth = 170;
        for (Copy copy : copies) {
            copyWidth = Math.max(copyWidth, TextWidth.of(t(copy.label()), 12, true) + 24);
            copyWidth = Math.max(copyWidth, TextWidth.of(copy.instanceId, 11, false) + 24);
            copyWidth = Math.max(copyWidth, TextWidth.of(address(copy), 11, false) + 24);
        }
        for (Column column : columns) {
            double inner = Math.max(TextWidth.of(column.name(), 14, true), TextWidth.of(subtitle(column), 11, false));
            int perRow = Math.min(2, column.servers.size());
            inner = Math.max(inner, perRow * serverWidth + Math.max(0, perRow - 1) * SERVER_GAP_X);
            for (int d = 0; d < pool.databases().size(); d++) {
                if (!column.row(d).isEmpty() || !column.witnesses(d).isEmpty()) {
                    inner = Math.max(inner, TextWidth.of(databaseLabel(d), 12, true));
                }
                inner = Math.max(inner, rowWidth(column, d));
                int witnesses = column.witnesses(d).size();
                inner = Math.max(inner, witnesses * copyWidth + Math.max(0, witnesses - 1) * COPY_GAP);
            }
            column.inner = inner;
        }
    }

    private double rowWidth(Column column, int database) {
        List<Copy> row = column.row(database);
        double width = row.size() * copyWidth;
        for (int i = 1; i < row.size(); i++) {
            width += gapBetween(row.get(i - 1), row.get(i));
        }
        return width;
    }

    private double gapBetween(Copy left, Copy right) {
        Link link = linkBetween(left, right);
        return link == null ? COPY_GAP : linkGap(link);
    }

    private Link linkBetween(Copy a, Copy b) {
        for (Link link : links) {
            if ((link.from == a && link.to == b) || (link.from == b && link.to == a)) {
                return link;
            }
        }
        return null;
    }

    private static double linkGap(Link link) {
        double widest = link.labels.stream()
                .mapToDouble(label -> TextWidth.of(label, 11, false))
                .max()
                .orElse(0);
        return Math.max(COPY_GAP + 16, widest + 40);
    }

    private void placeHorizontally() {
        double x = MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            if (c > 0) {
                x += columnGap(columns.get(c - 1), column);
            }
            column.x = x;
            x += column.width();
        }
        for (Column column : columns) {
            for (int d = 0; d < pool.databases().size(); d++) {
                double copyX = column.x + PAD + (column.inner - rowWidth(column, d)) / 2;
                List<Copy> row = column.row(d);
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        copyX += gapBetween(row.get(i - 1), row.get(i));
                    }
                    row.get(i).x = copyX;
                    row.get(i).width = copyWidth;
                    copyX += copyWidth;
                }
            }
        }
        for (Column column : columns) {
            for (int d = 0; d < pool.databases().size(); d++) {
                placeWitnesses(column, column.witnesses(d));
            }
        }
    }

    /** Wide enough for the label of a link that crosses from one column's row to the next. */
    private double columnGap(Column left, Column right) {
        double gap = MIN_COLUMN_GAP;
        for (int d = 0; d < pool.databases().size(); d++) {
            List<Copy> leftRow = left.row(d);
            List<Copy> rightRow = right.row(d);
            if (leftRow.isEmpty() || rightRow.isEmpty()) {
                continue;
            }
            Link link = linkBetween(leftRow.getLast(), rightRow.getFirst());
            if (link != null) {
                double slack =
                        (left.inner - rowWidth(left, d)) / 2 + PAD + (right.inner - rowWidth(right, d)) / 2 + PAD;
                gap = Math.max(gap, linkGap(link) - slack);
            }
        }
        return gap;
    }

    /** Each witness under the middle of its partners, kept inside its column without overlaps. */
    private void placeWitnesses(Column column, List<Copy> witnesses) {
        double low = column.x + PAD;
        double high = column.x + PAD + column.inner;
        List<Copy> ordered = new ArrayList<>(witnesses);
        Map<Copy, Double> wanted = new LinkedHashMap<>();
        for (Copy witness : ordered) {
            double centre = column.x + column.width() / 2;
            for (WitnessLinks watch : witnessLinks) {
                if (watch.witness == witness) {
                    centre = watch.partners.stream()
                            .mapToDouble(Copy::centreX)
                            .average()
                            .orElse(centre);
                }
            }
            wanted.put(witness, centre - copyWidth / 2);
        }
        ordered.sort(Comparator.comparingDouble(wanted::get));
        double previousRight = Double.NEGATIVE_INFINITY;
        for (Copy witness : ordered) {
            witness.width = copyWidth;
            witness.x = Math.max(Math.max(wanted.get(witness), low), previousRight + COPY_GAP);
            previousRight = witness.x + copyWidth;
        }
        double nextLeft = Double.POSITIVE_INFINITY;
        for (Copy witness : ordered.reversed()) {
            witness.x = Math.min(witness.x, Math.min(high, nextLeft - COPY_GAP) - copyWidth);
            nextLeft = witness.x;
        }
    }

    private void placeVertically() {
        siteTop = MARGIN + 66;
        int serverRows = 0;
        for (Column column : columns) {
            int perRow = Math.max(1, Math.min(2, column.servers.size()));
            serverRows = Math.max(serverRows, (column.servers.size() + perRow - 1) / perRow);
        }
        double y = siteTop + HEADER_HEIGHT;
        if (serverRows > 0) {
            double top = y + BADGE_ROOM;
            for (Column column : columns) {
                column.serversTop = top;
            }
            y = top + serverRows * SERVER_HEIGHT + (serverRows - 1) * SERVER_GAP_Y;
        }
        for (int d = 0; d < pool.databases().size(); d++) {
            final int database = d;
            List<Copy> row = globalRow(d);
            List<Copy> witnesses = copies.stream()
                    .filter(c -> c.database == database && c.role.isWitness())
                    .toList();
            if (row.isEmpty() && witnesses.isEmpty()) {
                continue;
            }
            Band band = new Band(d);
            band.top = y + BAND_GAP;
            int lanes = assignLanes(d, row);
            double rowTop = band.top + 18 + lanes * LANE + BADGE_ROOM;
            double bottom = rowTop;
            if (!row.isEmpty()) {
                bottom = rowTop + COPY_HEIGHT;
                row.forEach(copy -> {
                    copy.y = rowTop;
                    copy.height = COPY_HEIGHT;
                });
            }
            if (!witnesses.isEmpty()) {
                double witnessTop = row.isEmpty() ? rowTop : bottom + WITNESS_GAP;
                witnesses.forEach(copy -> {
                    copy.y = witnessTop;
                    copy.height = WITNESS_HEIGHT;
                });
                bottom = witnessTop + WITNESS_HEIGHT;
            }
            bands.add(band);
            y = bottom;
        }
        siteBottom = y + PAD;
    }

    /** The copies of one database in left-to-right order across every column. */
    private List<Copy> globalRow(int database) {
        List<Copy> row = new ArrayList<>();
        columns.forEach(column -> row.addAll(column.row(database)));
        return row;
    }

    /** Links of the row that cannot be drawn straight get a lane above it; shorter ones lower. */
    private int assignLanes(int database, List<Copy> row) {
        List<Link> arcs = new ArrayList<>();
        for (Link link : links) {
            if (link.from.database == database && !straight(link, row)) {
                arcs.add(link);
            }
        }
        arcs.sort(Comparator.comparingDouble((Link link) -> Math.abs(link.from.x - link.to.x))
                .thenComparingDouble(link -> Math.min(link.from.x, link.to.x)));
        List<List<double[]>> lanes = new ArrayList<>();
        for (Link arc : arcs) {
            double from = Math.min(arc.from.x, arc.to.x) - 8;
            double to = Math.max(arc.from.x, arc.to.x) + copyWidth + 8;
            int lane = 0;
            while (lane < lanes.size() && overlaps(lanes.get(lane), from, to)) {
                lane++;
            }
            if (lane == lanes.size()) {
                lanes.add(new ArrayList<>());
            }
            lanes.get(lane).add(new double[] {from, to});
            arc.lane = lane;
        }
        attach(arcs);
        return lanes.size();
    }

    private static boolean overlaps(List<double[]> taken, double from, double to) {
        return taken.stream().anyMatch(span -> from < span[1] && span[0] < to);
    }

    /** Spreads the ends of the arcs that meet one copy over its top edge. */
    private static void attach(List<Link> arcs) {
        Map<Copy, List<Object[]>> ends = new LinkedHashMap<>();
        for (Link arc : arcs) {
            ends.computeIfAbsent(arc.from, key -> new ArrayList<>()).add(new Object[] {arc, true});
            ends.computeIfAbsent(arc.to, key -> new ArrayList<>()).add(new Object[] {arc, false});
        }
        ends.forEach((copy, list) -> {
            list.sort(Comparator.comparingDouble(end -> {
                Link arc = (Link) end[0];
                return ((boolean) end[1] ? arc.to : arc.from).x;
            }));
            for (int i = 0; i < list.size(); i++) {
                Link arc = (Link) list.get(i)[0];
                double x = copy.x + copy.width * (i + 1) / (list.size() + 1);
                if ((boolean) list.get(i)[1]) {
                    arc.fromX = x;
                } else {
                    arc.toX = x;
                }
            }
        });
    }

    private static boolean straight(Link link, List<Copy> row) {
        return Math.abs(row.indexOf(link.from) - row.indexOf(link.to)) == 1
                && Math.abs(link.from.column.index - link.to.column.index) <= 1;
    }

    // ---- drawing

    private String draw() {
        measure();
        placeHorizontally();
        placeVertically();

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
        String hover = column.name() + " — " + subtitle(column)
                + (column.site == null || column.site.timeZone() == null ? "" : " — " + column.site.timeZone());
        svg.text("title", hover + describe(marks));
        double width = column.width();
        double height = siteBottom - siteTop;
        svg.empty(
                "rect",
                "x",
                column.x,
                "y",
                siteTop,
                "width",
                width,
                "height",
                height,
                "rx",
                14,
                "fill",
                "#f6f8fa",
                "stroke",
                "#78909c",
                "stroke-width",
                1.5);
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
        svg.text("text", subtitle(column), "x", column.x + PAD, "y", siteTop + 42, "font-size", 11, "fill", MUTED);
        for (Band band : bands) {
            if (!column.row(band.database).isEmpty()
                    || !column.witnesses(band.database).isEmpty()) {
                svg.text(
                        "text",
                        databaseLabel(band.database),
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
        Column column = columnOf(server);
        int position = column.servers.indexOf(index);
        int perRow = Math.min(2, column.servers.size());
        double gridWidth = perRow * serverWidth + (perRow - 1) * SERVER_GAP_X;
        double x0 = column.x + PAD + (column.inner - gridWidth) / 2;
        double x = x0 + (position % perRow) * (serverWidth + SERVER_GAP_X);
        double y = column.serversTop + (position / perRow) * (SERVER_HEIGHT + SERVER_GAP_Y);
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
        svg.empty(
                "rect",
                "x",
                x,
                "y",
                y,
                "width",
                serverWidth,
                "height",
                SERVER_HEIGHT,
                "rx",
                6,
                "fill",
                server.active() ? ACTIVE_FILL : IDLE_FILL,
                "stroke",
                server.active() ? ACTIVE_STROKE : IDLE_STROKE,
                "stroke-width",
                server.active() ? 1.5 : 1.2,
                "stroke-dasharray",
                server.active() ? null : "5 3");
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
                server.active() ? ACTIVE_STROKE : IDLE_STROKE);
        mark(svg, marks, x, y, serverWidth, SERVER_HEIGHT, 6);
        svg.close();
    }

    private Column columnOf(Server server) {
        for (Column column : columns) {
            if (Objects.equals(column.siteId, server.site())) {
                return column;
            }
        }
        throw new IllegalStateException("server without a column");
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
            svg.empty(
                    "rect",
                    "x",
                    x,
                    "y",
                    y,
                    "width",
                    w,
                    "height",
                    h,
                    "rx",
                    10,
                    "fill",
                    WITNESS_FILL,
                    "stroke",
                    WITNESS_COLOUR,
                    "stroke-width",
                    1.2);
            textTop = y;
        } else {
            cylinder(svg, x, y, w, h, copyFill(copy));
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
        svg.text("text", address(copy), "x", x + 12, "y", textTop + 48, "font-size", 11, "fill", MUTED);
        mark(svg, marks, x, y, w, h, 8);
        svg.close();
    }

    private String address(Copy copy) {
        return copy.instance == null ? t(Label.UNKNOWN_INSTANCE) : copy.address();
    }

    private String copyFill(Copy copy) {
        return switch (copy.role) {
            case BACKUP, BACKUP_MIRROR -> DC2_COPY_FILL;
            default -> DC1_COPY_FILL;
        };
    }

    private static void cylinder(Svg svg, double x, double y, double w, double h, String fill) {
        double rx = w / 2;
        double ry = CYLINDER_RY;
        String body = "M" + Svg.number(x) + "," + Svg.number(y + ry)
                + " V" + Svg.number(y + h - ry)
                + " A" + Svg.number(rx) + "," + Svg.number(ry) + " 0 0 0 " + Svg.number(x + w) + ","
                + Svg.number(y + h - ry)
                + " V" + Svg.number(y + ry) + " Z";
        svg.empty("path", "d", body, "fill", fill, "stroke", COPY_STROKE, "stroke-width", 1.2);
        svg.empty(
                "ellipse",
                "cx",
                x + rx,
                "cy",
                y + ry,
                "rx",
                rx,
                "ry",
                ry,
                "fill",
                fill,
                "stroke",
                COPY_STROKE,
                "stroke-width",
                1.2);
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
        String colour = marks.isEmpty() ? linkColour(link) : violationColour(marks);
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
        double width = link.kind.equals("log-shipping") ? 3 : 2;
        if (link.lane < 0) {
            double y = link.from.y + COPY_HEIGHT / 2;
            boolean rightwards = link.from.x < link.to.x;
            double x1 = rightwards ? link.from.x + link.from.width : link.from.x;
            double x2 = rightwards ? link.to.x : link.to.x + link.to.width;
            svg.empty(
                    "line",
                    "x1",
                    x1,
                    "y1",
                    y,
                    "x2",
                    x2,
                    "y2",
                    y,
                    "stroke",
                    colour,
                    "stroke-width",
                    width,
                    "marker-end",
                    marker);
        } else {
            double top = link.from.y;
            double laneY = laneY(link);
            String path = "M" + Svg.number(link.fromX) + "," + Svg.number(top)
                    + " V" + Svg.number(laneY)
                    + " H" + Svg.number(link.toX)
                    + " V" + Svg.number(top);
            svg.empty("path", "d", path, "fill", "none", "stroke", colour, "stroke-width", width, "marker-end", marker);
        }
        svg.close();
    }

    private double laneY(Link link) {
        return link.from.y - BADGE_ROOM - 10 - link.lane * LANE;
    }

    /** Labels come after the copies so that no shape hides them. */
    private void drawLinkLabels(Svg svg, Link link) {
        List<Violation> marks = findings.on(link.target);
        svg.open("g", "class", "connection-label", "data-connection", link.id);
        String colour = marks.isEmpty() ? linkColour(link) : violationColour(marks);
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
        String colour = marks.isEmpty() ? WITNESS_COLOUR : violationColour(marks);
        Copy witness = watch.witness;
        svg.open(
                "g",
                "class",
                "connection witness-link" + violationClass(marks),
                "data-connection",
                watch.id,
                "data-from",
                witness.dataId(),
                "data-rules",
                rules(marks));
        svg.text("title", watch.label + describe(marks));
        double centre = witness.centreX();
        for (Copy partner : watch.partners) {
            double startX = partner.centreX() < centre - 1
                    ? centre - witness.width / 4
                    : partner.centreX() > centre + 1 ? centre + witness.width / 4 : centre;
            boolean above = partner.y < witness.y;
            svg.empty(
                    "line",
                    "class",
                    "witness-line",
                    "data-to",
                    partner.dataId(),
                    "x1",
                    startX,
                    "y1",
                    above ? witness.y : witness.y + witness.height,
                    "x2",
                    partner.centreX(),
                    "y2",
                    above ? partner.y + partner.height : partner.y,
                    "stroke",
                    colour,
                    "stroke-width",
                    1.5,
                    "stroke-dasharray",
                    "6 4");
        }
        double labelY = witness.y - WITNESS_GAP / 2 + 4;
        label(svg, watch.label, centre, labelY, colour);
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

    private static String linkColour(Link link) {
        return link.kind.equals("log-shipping") ? LOG_SHIPPING_COLOUR : MIRRORING_COLOUR;
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
        svg.empty("path", "d", path, "fill", "#fffde7", "stroke", "#9e9d24", "stroke-width", 1.2);
        svg.empty(
                "path",
                "d",
                "M" + Svg.number(x + w - fold) + "," + Svg.number(y) + " V" + Svg.number(y + fold) + " H"
                        + Svg.number(x + w),
                "fill",
                "none",
                "stroke",
                "#9e9d24",
                "stroke-width",
                1.2);
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

    private static void swatch(Svg svg, Label item, double x, double y) {
        switch (item) {
            case LEGEND_ACTIVE_SERVER ->
                svg.empty(
                        "rect",
                        "x",
                        x,
                        "y",
                        y,
                        "width",
                        34,
                        "height",
                        18,
                        "rx",
                        4,
                        "fill",
                        ACTIVE_FILL,
                        "stroke",
                        ACTIVE_STROKE,
                        "stroke-width",
                        1.5);
            case LEGEND_IDLE_SERVER ->
                svg.empty(
                        "rect",
                        "x",
                        x,
                        "y",
                        y,
                        "width",
                        34,
                        "height",
                        18,
                        "rx",
                        4,
                        "fill",
                        IDLE_FILL,
                        "stroke",
                        IDLE_STROKE,
                        "stroke-width",
                        1.2,
                        "stroke-dasharray",
                        "5 3");
            case LEGEND_DATABASE_COPY -> {
                svg.empty(
                        "path",
                        "d",
                        "M" + Svg.number(x + 4) + "," + Svg.number(y + 4) + " V" + Svg.number(y + 15) + " A13,4 0 0 0 "
                                + Svg.number(x + 30) + "," + Svg.number(y + 15) + " V" + Svg.number(y + 4) + " Z",
                        "fill",
                        DC1_COPY_FILL,
                        "stroke",
                        COPY_STROKE,
                        "stroke-width",
                        1.2);
                svg.empty(
                        "ellipse",
                        "cx",
                        x + 17,
                        "cy",
                        y + 4,
                        "rx",
                        13,
                        "ry",
                        4,
                        "fill",
                        DC1_COPY_FILL,
                        "stroke",
                        COPY_STROKE,
                        "stroke-width",
                        1.2);
            }
            case LEGEND_WITNESS ->
                svg.empty(
                        "rect",
                        "x",
                        x,
                        "y",
                        y,
                        "width",
                        34,
                        "height",
                        18,
                        "rx",
                        6,
                        "fill",
                        WITNESS_FILL,
                        "stroke",
                        WITNESS_COLOUR,
                        "stroke-width",
                        1.2);
            case LEGEND_MIRRORING ->
                svg.empty(
                        "line",
                        "x1",
                        x,
                        "y1",
                        y + 9,
                        "x2",
                        x + 34,
                        "y2",
                        y + 9,
                        "stroke",
                        MIRRORING_COLOUR,
                        "stroke-width",
                        2,
                        "marker-end",
                        "url(#pcd-arrow-mirroring)");
            case LEGEND_WITNESS_LINK ->
                svg.empty(
                        "line",
                        "x1",
                        x,
                        "y1",
                        y + 9,
                        "x2",
                        x + 34,
                        "y2",
                        y + 9,
                        "stroke",
                        WITNESS_COLOUR,
                        "stroke-width",
                        1.5,
                        "stroke-dasharray",
                        "6 4");
            case LEGEND_LOG_SHIPPING ->
                svg.empty(
                        "line",
                        "x1",
                        x,
                        "y1",
                        y + 9,
                        "x2",
                        x + 34,
                        "y2",
                        y + 9,
                        "stroke",
                        LOG_SHIPPING_COLOUR,
                        "stroke-width",
                        3,
                        "marker-end",
                        "url(#pcd-arrow-log-shipping)");
            case LEGEND_ERROR ->
                svg.empty(
                        "rect",
                        "x",
                        x + 2,
                        "y",
                        y + 1,
                        "width",
                        30,
                        "height",
                        16,
                        "rx",
                        4,
                        "fill",
                        "none",
                        "stroke",
                        ERROR_COLOUR,
                        "stroke-width",
                        2.5);
            case LEGEND_WARNING ->
                svg.empty(
                        "rect",
                        "x",
                        x + 2,
                        "y",
                        y + 1,
                        "width",
                        30,
                        "height",
                        16,
                        "rx",
                        4,
                        "fill",
                        "none",
                        "stroke",
                        WARNING_COLOUR,
                        "stroke-width",
                        2.5,
                        "stroke-dasharray",
                        "7 4");
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

    // ---- violation marks

    private void mark(Svg svg, List<Violation> marks, double x, double y, double w, double h, double radius) {
        if (marks.isEmpty()) {
            return;
        }
        boolean error = worst(marks) == Severity.ERROR;
        svg.empty(
                "rect",
                "class",
                "violation-outline",
                "x",
                x - 4,
                "y",
                y - 4,
                "width",
                w + 8,
                "height",
                h + 8,
                "rx",
                radius + 3,
                "fill",
                "none",
                "stroke",
                error ? ERROR_COLOUR : WARNING_COLOUR,
                "stroke-width",
                2.5,
                "stroke-dasharray",
                error ? null : "7 4");
        String rules = rules(marks);
        double badgeWidth = TextWidth.of(rules, 10, true) + 10;
        badge(svg, marks, rules, x + w + 4 - badgeWidth, y - 22);
    }

    private static void badge(Svg svg, List<Violation> marks, String rules, double x, double y) {
        boolean error = worst(marks) == Severity.ERROR;
        double width = TextWidth.of(rules, 10, true) + 10;
        svg.open("g", "class", "violation-marker");
        svg.empty(
                "rect",
                "x",
                x,
                "y",
                y,
                "width",
                width,
                "height",
                16,
                "rx",
                8,
                "fill",
                error ? ERROR_COLOUR : WARNING_COLOUR);
        svg.text(
                "text",
                rules,
                "x",
                x + width / 2,
                "y",
                y + 12,
                "font-size",
                10,
                "font-weight",
                "bold",
                "text-anchor",
                "middle",
                "fill",
                error ? "#ffffff" : "#000000");
        svg.close();
    }

    private static Severity worst(List<Violation> marks) {
        return marks.stream().anyMatch(v -> v.severity() == Severity.ERROR) ? Severity.ERROR : Severity.WARNING;
    }

    private static String violationColour(List<Violation> marks) {
        return worst(marks) == Severity.ERROR ? ERROR_COLOUR : WARNING_COLOUR;
    }

    private static String violationClass(List<Violation> marks) {
        if (marks.isEmpty()) {
            return "";
        }
        return worst(marks) == Severity.ERROR ? " violation-error" : " violation-warning";
    }

    /** The distinct rule ids, in the order the violations came: {@code T-8, T-10}. */
    private static String rules(List<Violation> marks) {
        if (marks.isEmpty()) {
            return null;
        }
        return String.join(
                ", ",
                marks.stream()
                        .map(v -> Objects.toString(v.ruleId(), "?"))
                        .distinct()
                        .toList());
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

    // ---- texts

    private String t(Label label, Object... arguments) {
        return format(label.key(), arguments);
    }

    private String message(Violation violation) {
        return format(violation.messageKey(), violation.arguments().toArray());
    }

    /**
     * {@code text} gives the pattern of a key (the UI's translator returns it with its placeholders
     * untouched when called without arguments); the arguments are filled in here, as plain strings
     * so that a port reads 5022 and not 5,022.
     */
    private String format(String key, Object... arguments) {
        String pattern = key == null ? null : text.apply(key);
        if (pattern == null) {
            pattern = Objects.toString(key, "");
        }
        if (arguments.length == 0) {
            return pattern;
        }
        Object[] strings = Arrays.stream(arguments).map(String::valueOf).toArray();
        try {
            return new MessageFormat(pattern, Locale.ROOT).format(strings);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    private String subtitle(Column column) {
        // A column without a site id is named "unknown site" already.
        return column.siteId == null ? "" : column.siteId + " · " + t(column.role);
    }

    private String databaseLabel(int database) {
        Database db = pool.databases().get(database);
        String name = databaseName(db);
        if (db.kind() == null) {
            return name;
        }
        return name + " — " + t(db.kind() == DatabaseKind.COMPLIANCE ? Label.COMPLIANCE_DATABASE : Label.CHAT_DATABASE);
    }

    private static String databaseName(Database database) {
        return Objects.toString(database.name(), "?");
    }

    // ---- layout state

    private final class Column {
        final int index;
        final String siteId;
        final Site site;
        final Label role;
        final List<Integer> servers = new ArrayList<>();
        final Map<Integer, List<Copy>> rows = new LinkedHashMap<>();
        final Map<Integer, List<Copy>> witnessRows = new LinkedHashMap<>();
        double x;
        double inner;
        double serversTop;

        Column(int index, String siteId, Site site, Label role) {
            this.index = index;
            this.siteId = siteId;
            this.site = site;
            this.role = role;
        }

        List<Copy> row(int database) {
            return rows.computeIfAbsent(database, key -> new ArrayList<>());
        }

        List<Copy> witnesses(int database) {
            return witnessRows.computeIfAbsent(database, key -> new ArrayList<>());
        }

        double width() {
            return inner + 2 * PAD;
        }

        String name() {
            if (site != null && site.name() != null) {
                return site.name();
            }
            return siteId != null ? siteId : t(Label.UNKNOWN_SITE);
        }
    }

    private static final class Copy {
        final int database;
        final Database db;
        final CopyRole role;
        final String instanceId;
        final SqlInstance instance;
        final Column column;
        double x;
        double y;
        double width;
        double height;

        Copy(int database, Database db, CopyRole role, String instanceId, SqlInstance instance, Column column) {
            this.database = database;
            this.db = db;
            this.role = role;
            this.instanceId = instanceId;
            this.instance = instance;
            this.column = column;
        }

        String databaseName() {
            return DiagramRenderer.databaseName(db);
        }

        String dataId() {
            return databaseName() + ":" + role.slug();
        }

        Label label() {
            return Label.valueOf(role.name());
        }

        /**
         * Left-to-right order of the database copies across the whole drawing, so that the pairs
         * that are linked (mirror–primary, primary–backup, backup–backup mirror) stand next to each
         * other.
         */
        int rowOrder() {
            return switch (role) {
                case MIRROR -> 0;
                case PRIMARY -> 1;
                case BACKUP -> 2;
                case BACKUP_MIRROR -> 3;
                case WITNESS -> 4;
                case BACKUP_WITNESS -> 5;
            };
        }

        double centreX() {
            return x + width / 2;
        }

        /** {@code host\instance}, or the host alone for the default instance. */
        String address() {
            if (instance == null) {
                return "?";
            }
            String host = Objects.toString(instance.host(), "?");
            return instance.instance() == null || instance.instance().isBlank()
                    ? host
                    : host + "\\" + instance.instance();
        }
    }

    private static final class Link {
        final String id;
        final String kind;
        final String target;
        final Copy from;
        final Copy to;
        final List<String> labels;
        int lane = -1;
        double fromX;
        double toX;

        Link(String id, String kind, String target, Copy from, Copy to, List<String> labels) {
            this.id = id;
            this.kind = kind;
            this.target = target;
            this.from = from;
            this.to = to;
            this.labels = labels;
        }
    }

    private record WitnessLinks(String id, Copy witness, List<Copy> partners, String label) {}

    /** The rows of one database, across every column. */
    private static final class Band {
        final int database;
        double top;

        Band(int database) {
            this.database = database;
        }
    }
}
