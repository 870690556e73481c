package org.pchatdr.portal.topology.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * Where everything of one pool's drawing stands, computed in passes — what goes in which site
 * column, how wide each column and gap must be for its texts, then the rows from top to bottom — so
 * the same input always gives the same picture and nothing is placed by hand. Copies are put in the
 * column of the site their SQL instance really is in; links between copies that do not stand side by
 * side are routed over the row of copies in lanes of their own. Pure geometry: no SVG is written
 * here, {@link DiagramPainter} draws what this class placed.
 */
final class DiagramLayout {

    static final double MARGIN = 24;
    static final double PAD = 18;
    static final double BADGE_ROOM = 22;
    static final double HEADER_HEIGHT = 52;
    static final double SERVER_HEIGHT = 42;
    static final double SERVER_GAP_X = 16;
    static final double SERVER_GAP_Y = BADGE_ROOM + 6;
    static final double COPY_HEIGHT = 70;
    static final double WITNESS_HEIGHT = 58;
    static final double COPY_GAP = 28;
    static final double WITNESS_GAP = 64;
    static final double LANE = 24;
    static final double BAND_GAP = 24;
    static final double MIN_COLUMN_GAP = 48;
    static final double NOTE_HEIGHT = 44;
    static final double CYLINDER_RY = 7;

    private final Topology topology;
    private final Pool pool;
    private final DiagramTexts texts;
    private final List<Column> columns = new ArrayList<>();
    private final List<Copy> copies = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<WitnessLinks> witnessLinks = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private double serverWidth;
    private double copyWidth;
    private double siteTop;
    private double siteBottom;

    DiagramLayout(Topology topology, Pool pool, DiagramTexts texts) {
        this.topology = topology;
        this.pool = pool;
        this.texts = texts;
        placeOnColumns();
        link();
        measure();
        placeHorizontally();
        placeVertically();
    }

    Topology topology() {
        return topology;
    }

    Pool pool() {
        return pool;
    }

    List<Column> columns() {
        return List.copyOf(columns);
    }

    List<Copy> copies() {
        return List.copyOf(copies);
    }

    List<Link> links() {
        return List.copyOf(links);
    }

    List<WitnessLinks> witnessLinks() {
        return List.copyOf(witnessLinks);
    }

    List<Band> bands() {
        return List.copyOf(bands);
    }

    double siteTop() {
        return siteTop;
    }

    double siteBottom() {
        return siteBottom;
    }

    /** The box of server {@code index}: up to two a row in its site's column, centred. */
    Box server(int index) {
        Server server = pool.servers().get(index);
        Column column = columnOf(server);
        int position = column.servers.indexOf(index);
        int perRow = Math.min(2, column.servers.size());
        double gridWidth = perRow * serverWidth + (perRow - 1) * SERVER_GAP_X;
        double x0 = column.x + PAD + (column.inner - gridWidth) / 2;
        double x = x0 + (position % perRow) * (serverWidth + SERVER_GAP_X);
        double y = column.serversTop + (position / perRow) * (SERVER_HEIGHT + SERVER_GAP_Y);
        return new Box(x, y, serverWidth, SERVER_HEIGHT);
    }

    private Column columnOf(Server server) {
        for (Column column : columns) {
            if (Objects.equals(column.siteId, server.site())) {
                return column;
            }
        }
        throw new IllegalStateException("server without a column");
    }

    /** The height of the lane a routed link runs in, above the row of copies. */
    static double laneY(Link link) {
        return link.from.y - BADGE_ROOM - 10 - link.lane * LANE;
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

    Set<String> drawnTargets() {
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
                if (watch.witness() == witness) {
                    centre = watch.partners().stream()
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

    // ---- texts the layout measures

    private String t(Label label, Object... arguments) {
        return texts.t(label, arguments);
    }

    String address(Copy copy) {
        return copy.instance == null ? t(Label.UNKNOWN_INSTANCE) : copy.address();
    }

    String subtitle(Column column) {
        // A column without a site id is named "unknown site" already.
        return column.siteId == null ? "" : column.siteId + " · " + t(column.role);
    }

    String databaseLabel(int database) {
        Database db = pool.databases().get(database);
        String name = databaseName(db);
        if (db.kind() == null) {
            return name;
        }
        return name + " — " + t(db.kind() == DatabaseKind.COMPLIANCE ? Label.COMPLIANCE_DATABASE : Label.CHAT_DATABASE);
    }

    static String databaseName(Database database) {
        return Objects.toString(database.name(), "?");
    }

    // ---- layout state

    final class Column {
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

    static final class Copy {
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
            return DiagramLayout.databaseName(db);
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

    static final class Link {
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

    record WitnessLinks(String id, Copy witness, List<Copy> partners, String label) {}

    /** The rows of one database, across every column. */
    static final class Band {
        final int database;
        double top;

        Band(int database) {
            this.database = database;
        }
    }

    /** A rectangle of the drawing. */
    record Box(double x, double y, double width, double height) {}
}
