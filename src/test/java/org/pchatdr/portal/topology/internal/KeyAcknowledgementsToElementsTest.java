package org.pchatdr.portal.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyFormat;

/** V18 on a database as V17 leaves it, with acceptances stored by rule id and path before issue 12. */
class KeyAcknowledgementsToElementsTest {

    private static final String URL = "jdbc:h2:mem:v10-" + System.nanoTime()
            + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void anUnambiguousAcceptanceGoesToItsElementAndTheT5TwinsAskToBeAcceptedAgain() throws SQLException {
        Flyway.configure()
                .dataSource(URL, "sa", "")
                .locations("classpath:db/migration/common")
                .target("17")
                .load()
                .migrate();
        String twins = Contoso.textWith(
                        "\"pc03.contoso.local\", \"site\": \"PAR\", \"active\": false",
                        "\"pc03.contoso.local\", \"site\": \"PAR\", \"active\": true")
                .replace(
                        "\"pc12.contoso.local\", \"site\": \"LYO\", \"active\": true",
                        "\"pc12.contoso.local\", \"site\": \"LYO\", \"active\": false");
        String lowBandwidth = TopologyFormat.write(Contoso.onALowBandwidthLink());
        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            long twinsId = topology(connection, "twins", twins);
            long lowId = topology(connection, "low", lowBandwidth);
            acknowledge(connection, twinsId, "T-5", "pools[0].servers");
            acknowledge(connection, lowId, "T-5", "pools[0].servers");
            acknowledge(connection, lowId, "T-16", "pools[0].fileStore");
        }

        Flyway.configure()
                .dataSource(URL, "sa", "")
                .locations("classpath:db/migration/common")
                .javaMigrations(new KeyAcknowledgementsToElements())
                .target("18")
                .load()
                .migrate();

        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            assertThat(elements(connection))
                    .containsExactly(
                            Map.entry("twins T-5", "legacy:pools[0].servers"),
                            Map.entry("low T-5", "pools[pchat.contoso.local].sites[LYO]"),
                            // T-16 on Contoso is only information now: nothing left to cover.
                            Map.entry("low T-16", "legacy:pools[0].fileStore"));
        }
    }

    private static long topology(Connection connection, String name, String document) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO topology (name, latest_version, created_at, created_by, version)"
                        + " VALUES (?, 1, CURRENT_TIMESTAMP, 'alice', 0)",
                new String[] {"id"})) {
            insert.setString(1, name);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                try (PreparedStatement version = connection.prepareStatement(
                        "INSERT INTO topology_version (topology_id, number, document, sha256, author, created_at)"
                                + " VALUES (?, 1, ?, 'x', 'alice', CURRENT_TIMESTAMP)")) {
                    version.setLong(1, id);
                    version.setString(2, document);
                    version.executeUpdate();
                }
                return id;
            }
        }
    }

    private static void acknowledge(Connection connection, long topology, String rule, String path)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO warning_acknowledgement (topology_id, rule_id, path, reason, acknowledged_by,"
                        + " acknowledged_at) VALUES (?, ?, ?, 'why', 'alice', CURRENT_TIMESTAMP)")) {
            insert.setLong(1, topology);
            insert.setString(2, rule);
            insert.setString(3, path);
            insert.executeUpdate();
        }
    }

    private static Map<String, String> elements(Connection connection) throws SQLException {
        Map<String, String> elements = new LinkedHashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement("SELECT t.name, a.rule_id, a.element FROM warning_acknowledgement a"
                                + " JOIN topology t ON t.id = a.topology_id ORDER BY a.id");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                elements.put(result.getString(1) + " " + result.getString(2), result.getString(3));
            }
        }
        return elements;
    }
}
