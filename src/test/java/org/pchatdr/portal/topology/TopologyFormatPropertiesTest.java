package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.pchatdr.portal.topology.ReadResult.Read;
import org.pchatdr.portal.topology.ReadResult.Unreadable;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reader against thousands of damaged documents: it never throws, and it either reads a
 * topology that survives a write and a second read, or explains every refusal with a path and a
 * message that exists in English and in French.
 */
class TopologyFormatPropertiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SAMPLE_TEXTS =
            TopologySamples.NAMES.stream().map(TopologySamples::text).toList();
    private static final List<Topology> SAMPLE_TOPOLOGIES =
            TopologySamples.NAMES.stream().map(TopologySamples::topology).toList();
    private static final Set<String> REFERENCES = Set.of(
            "site",
            "primarySite",
            "secondarySite",
            "primary",
            "mirror",
            "witness",
            "backup",
            "backupMirror",
            "backupWitness",
            "monitor");
    // Possessive: a plain alternation in a loop overflows the stack on the huge strings tried here.
    private static final Pattern SCALAR_FIELD =
            Pattern.compile("\"(\\w+)\": ?(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d+|true|false|null)");
    private static final List<String> HOSTILE = List.of(
            "",
            " ",
            "\"",
            "'",
            "';--",
            "\"; DROP TABLE topology_version; --",
            "]",
            "[",
            "}",
            "{",
            "\\",
            "\\\\",
            "\n",
            "\r\n",
            "\u0000",
            "\u007f",
            "\u0085",
            "\u2028",
            "\u202E",
            "\uFEFF",
            "\uD800",
            "\uDC00",
            "😀",
            "👩‍💻",
            "Ж",
            "東京",
            "مرحبا",
            "ß",
            "e\u0301",
            "x".repeat(300),
            "pc".repeat(40_000),
            "null",
            "true",
            "0",
            "-1",
            "1e309",
            "NaN",
            "MSSQLSERVER",
            "Z",
            "+01:00",
            "CON",
            "..",
            "$(whoami)",
            "`",
            "%PATH%",
            ",",
            ":",
            "\"a\":1,\"a\":2");
    private static final List<String> PLAUSIBLE = List.of(
            "PAR",
            "LYO",
            "MTL",
            "par-sql-1",
            "par-wit",
            "lyo-sql-2",
            "pc01.contoso.local",
            "PC02.CONTOSO.LOCAL",
            "Europe/Paris",
            "2014",
            "CHAT",
            "COMPLIANCE",
            "LOW_BANDWIDTH",
            "\\\\fs01\\x",
            "D:\\x",
            "LocalSystem",
            "Paris – Défense",
            "PersistentChatServer:pchat.contoso.local");

    enum Mutation {
        DELETE_FIELD,
        NULL_VALUE,
        CHANGE_TYPE,
        HOSTILE_STRING,
        PLAUSIBLE_STRING,
        DUPLICATE_ELEMENT,
        REMOVE_ELEMENT,
        BREAK_REFERENCE,
        UNKNOWN_FIELD,
        HUGE_NUMBER,
        TOGGLE_BOOLEAN,
        TRUNCATE_TEXT,
        INSERT_TEXT,
        DELETE_TEXT,
        DUPLICATE_KEY_TEXT
    }

    /** The damage that keeps a document readable more often than not. */
    private static final List<Mutation> SOFT = List.of(
            Mutation.TOGGLE_BOOLEAN,
            Mutation.PLAUSIBLE_STRING,
            Mutation.NULL_VALUE,
            Mutation.DELETE_FIELD,
            Mutation.REMOVE_ELEMENT);

    record Step(Mutation mutation, int position, String value) {}

    @Property(tries = 1500)
    void readNeverThrowsAndExplainsEveryRefusal(@ForAll("damagedDocuments") String document) {
        ReadResult result = TopologyFormat.read(document);

        Statistics.label("outcome").collect(result instanceof Read ? "read" : "unreadable");
        switch (result) {
            case Read read -> assertRoundTrip(read.topology());
            case Unreadable unreadable -> {
                assertThat(unreadable.errors()).isNotEmpty();
                for (StructuralError error : unreadable.errors()) {
                    Statistics.label("message").collect(error.messageKey());
                    assertThat(error.path()).isNotBlank();
                    assertThat(error.arguments()).doesNotContainNull();
                    assertThat(ImportMessages.english(error)).isNotBlank();
                    assertThat(ImportMessages.french(error)).isNotBlank();
                    assertThat(error.arguments())
                            .allSatisfy(argument -> assertThat(argument.codePointCount(0, argument.length()))
                                    .isLessThanOrEqualTo(200));
                }
            }
        }
    }

    @Property(tries = 600)
    void documentsThatReadSurviveAWriteAndASecondRead(@ForAll("lightlyDamagedDocuments") String document) {
        ReadResult result = TopologyFormat.read(document);

        Statistics.label("outcome").collect(result instanceof Read ? "read" : "unreadable");
        if (result instanceof Read read) {
            assertRoundTrip(read.topology());
        }
        Statistics.label("outcome").coverage(coverage -> coverage.check("read").percentage(p -> p >= 20));
    }

    @Property(tries = 500)
    void validVariationsRoundTripAndDiffOnlyWhenTheyDiffer(
            @ForAll("variations") Tuple.Tuple2<Topology, Topology> pair) {
        Topology original = pair.get1();
        Topology variation = pair.get2();

        assertRoundTrip(variation);
        assertThat(TopologyDiff.between(variation, variation)).isEmpty();
        List<TopologyDiff.Change> changes = TopologyDiff.between(original, variation);
        assertThat(changes.isEmpty()).isEqualTo(original.equals(variation));
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.path()).isNotBlank();
            assertThat(change.before() != null || change.after() != null).isTrue();
        });
        Statistics.label("changes").collect(changes.size() > 10 ? "> 10" : "≤ 10");
    }

    private static void assertRoundTrip(Topology topology) {
        String written = TopologyFormat.write(topology);
        ReadResult again = TopologyFormat.read(written);
        assertThat(again).isEqualTo(new Read(topology));
        assertThat(TopologyFormat.write(((Read) again).topology())).isEqualTo(written);
        assertThat(TopologyFormat.sha256(topology)).isEqualTo(TopologyFormat.sha256(((Read) again).topology()));
    }

    @Provide
    Arbitrary<String> damagedDocuments() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.of(Mutation.class), Arbitraries.integers().between(0, 1_000_000), values())
                .as(Step::new);
        return Combinators.combine(
                        Arbitraries.of(SAMPLE_TEXTS), step.list().ofMinSize(1).ofMaxSize(3))
                .as(TopologyFormatPropertiesTest::damage);
    }

    @Provide
    Arbitrary<String> lightlyDamagedDocuments() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.of(SOFT), Arbitraries.integers().between(0, 1_000_000), Arbitraries.of(PLAUSIBLE))
                .as(Step::new);
        return Combinators.combine(
                        Arbitraries.of(SAMPLE_TEXTS), step.list().ofMinSize(1).ofMaxSize(2))
                .as(TopologyFormatPropertiesTest::damage);
    }

    private static Arbitrary<String> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(HOSTILE)),
                Tuple.of(3, Arbitraries.of(PLAUSIBLE)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u001f')
                                .ofMinLength(1)
                                .ofMaxLength(3)));
    }

    private static String damage(String document, List<Step> steps) {
        String text = document;
        for (Step step : steps) {
            text = apply(text, step);
        }
        return text;
    }

    private static String apply(String text, Step step) {
        int position = step.position();
        switch (step.mutation()) {
            case TRUNCATE_TEXT -> {
                return text.substring(0, position % (text.length() + 1));
            }
            case INSERT_TEXT -> {
                int at = position % (text.length() + 1);
                return text.substring(0, at) + step.value() + text.substring(at);
            }
            case DELETE_TEXT -> {
                if (text.isEmpty()) {
                    return text;
                }
                int at = position % text.length();
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + position % 7));
            }
            case DUPLICATE_KEY_TEXT -> {
                List<int[]> fields = new ArrayList<>();
                Matcher matcher = SCALAR_FIELD.matcher(text);
                while (matcher.find()) {
                    fields.add(new int[] {matcher.start(), matcher.end()});
                }
                if (fields.isEmpty()) {
                    return text;
                }
                int[] field = fields.get(position % fields.size());
                return text.substring(0, field[1]) + ", " + text.substring(field[0], field[1])
                        + text.substring(field[1]);
            }
            default -> {
                return mutateTree(text, step);
            }
        }
    }

    private record Slot(JsonNode container, String field, int index) {
        JsonNode value() {
            return field != null ? container.get(field) : container.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) container).set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }
    }

    private static String mutateTree(String text, Step step) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (RuntimeException unreadable) {
            return text;
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return text;
        }
        int position = step.position();
        Slot slot = slots.get(position % slots.size());
        switch (step.mutation()) {
            case DELETE_FIELD -> remove(slot);
            case NULL_VALUE -> slot.set(NODES.nullNode());
            case CHANGE_TYPE -> slot.set(otherType(slot.value(), position));
            case HOSTILE_STRING, PLAUSIBLE_STRING -> slot.set(NODES.stringNode(step.value()));
            case DUPLICATE_ELEMENT -> {
                if (slot.field() == null) {
                    ((ArrayNode) slot.container())
                            .insert(slot.index(), slot.value().deepCopy());
                } else if (slot.value() instanceof ArrayNode array && !array.isEmpty()) {
                    array.add(array.get(position % array.size()).deepCopy());
                }
            }
            case REMOVE_ELEMENT -> {
                if (slot.field() == null) {
                    ((ArrayNode) slot.container()).remove(slot.index());
                } else {
                    remove(slot);
                }
            }
            case BREAK_REFERENCE -> {
                List<Slot> references = slots.stream()
                        .filter(candidate -> candidate.field() != null && REFERENCES.contains(candidate.field()))
                        .toList();
                if (!references.isEmpty()) {
                    Slot reference = references.get(position % references.size());
                    String old =
                            reference.value().isString() ? reference.value().stringValue() : "";
                    reference.set(NODES.stringNode(position % 2 == 0 ? old + "-gone" : step.value()));
                }
            }
            case UNKNOWN_FIELD -> {
                JsonNode target = slot.value().isObject() ? slot.value() : slot.container();
                if (target instanceof ObjectNode object) {
                    object.put(step.value().isEmpty() ? "extra" : step.value(), position);
                }
            }
            case HUGE_NUMBER ->
                slot.set(NODES.numberNode(BigInteger.TEN
                        .pow(10 + position % 40)
                        .multiply(BigInteger.valueOf(position % 2 == 0 ? 1 : -1))));
            case TOGGLE_BOOLEAN -> {
                List<Slot> flags = slots.stream()
                        .filter(candidate -> candidate.value().isBoolean())
                        .toList();
                if (!flags.isEmpty()) {
                    Slot flag = flags.get(position % flags.size());
                    flag.set(NODES.booleanNode(!flag.value().booleanValue()));
                }
            }
            default -> throw new IllegalStateException(step.mutation().name());
        }
        try {
            return position % 2 == 0
                    ? JSON.writeValueAsString(root)
                    : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (RuntimeException unwritable) {
            return text;
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (String name : List.copyOf(node.propertyNames())) {
                slots.add(new Slot(node, name, -1));
                collect(node.get(name), slots);
            }
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                slots.add(new Slot(node, null, index));
                collect(node.get(index), slots);
            }
        }
    }

    private static void remove(Slot slot) {
        if (slot.field() != null) {
            ((ObjectNode) slot.container()).remove(slot.field());
        } else {
            ((ArrayNode) slot.container()).remove(slot.index());
        }
    }

    private static JsonNode otherType(JsonNode value, int position) {
        List<JsonNode> others = new ArrayList<>(List.of(
                NODES.numberNode(BigInteger.valueOf(42)),
                NODES.stringNode("42"),
                NODES.booleanNode(true),
                NODES.arrayNode(),
                NODES.objectNode(),
                NODES.numberNode(new java.math.BigDecimal("1.5"))));
        others.removeIf(other -> other.getNodeType() == value.getNodeType());
        return others.get(position % others.size());
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Topology, Topology>> variations() {
        return Arbitraries.of(SAMPLE_TOPOLOGIES).flatMap(original -> {
            Pool pool = original.pools().getFirst();
            int servers = pool.servers().size();
            Arbitrary<List<Boolean>> flags = Arbitraries.of(true, false).list().ofSize(servers);
            Arbitrary<List<String>> labels = label().list().ofSize(servers);
            Arbitrary<Boolean> rename = Arbitraries.of(true, false);
            Arbitrary<String> name = displayName();
            Arbitrary<Integer> port = Arbitraries.integers().between(1, 65535);
            Arbitrary<String> zone = Arbitraries.of(List.copyOf(new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())));
            Arbitrary<String> instance = instanceName();
            return Combinators.combine(flags, labels, rename, name, port, zone, instance)
                    .as((f, l, r, n, p, z, i) -> Tuple.of(original, vary(original, f, r ? l : null, n, p, z, i)));
        });
    }

    private static Topology vary(
            Topology topology,
            List<Boolean> flags,
            List<String> labels,
            String name,
            int port,
            String zone,
            String instanceName) {
        Pool pool = topology.pools().getFirst();
        List<Server> servers = new ArrayList<>();
        for (int index = 0; index < pool.servers().size(); index++) {
            Server server = pool.servers().get(index);
            String fqdn = labels == null ? server.fqdn() : labels.get(index) + "-" + index + ".srv.example.org";
            servers.add(new Server(fqdn, server.site(), flags.get(index)));
        }
        Pool varied = new Pool(
                pool.fqdn(),
                pool.serviceIdentity(),
                pool.activeServersIdentity(),
                pool.primarySite(),
                pool.secondarySite(),
                pool.siteLink(),
                new Topology.NextHopPool(pool.nextHopPool().fqdn(), zone),
                pool.fileStore(),
                servers,
                pool.databases(),
                pool.mirroring(),
                pool.logShipping(),
                pool.objectives());
        List<Site> sites = new ArrayList<>(topology.sites());
        Site first = sites.getFirst();
        sites.set(0, new Site(first.id(), name, zone));
        List<SqlInstance> instances = new ArrayList<>(topology.sqlInstances());
        SqlInstance sql = instances.getFirst();
        instances.set(
                0,
                new SqlInstance(
                        sql.id(),
                        sql.host(),
                        instanceName,
                        port,
                        sql.site(),
                        sql.version(),
                        sql.edition(),
                        sql.serviceAccount()));
        List<Pool> pools = new ArrayList<>(topology.pools());
        pools.set(0, varied);
        return new Topology(name, sites, instances, pools);
    }

    /** A DNS label that starts with a letter and ends with 1, so that "-index" keeps FQDNs unique. */
    private static Arbitrary<String> label() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('-')
                .ofMaxLength(30)
                .map(middle -> "h" + middle + "1");
    }

    private static Arbitrary<String> displayName() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '\uD7FF')
                .ofMinLength(1)
                .ofMaxLength(190);
        Arbitrary<String> decorated = Combinators.combine(text, Arbitraries.of("", "😀", "👩‍💻", " \"x\"; [y]"))
                .as(String::concat);
        return decorated.filter(TopologyValues::isName);
    }

    private static Arbitrary<String> instanceName() {
        Arbitrary<String> named = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('A', 'Z')
                                .withChars('_')
                                .ofLength(1),
                        Arbitraries.strings()
                                .withCharRange('A', 'Z')
                                .withCharRange('a', 'z')
                                .withCharRange('0', '9')
                                .withChars('_', '$')
                                .ofMaxLength(15))
                .as(String::concat)
                .filter(TopologyValues::isInstanceName);
        return Arbitraries.frequencyOf(Tuple.of(4, named), Tuple.of(1, Arbitraries.just(null)));
    }
}
