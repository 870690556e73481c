package org.pchatdr.portal.topology.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.Violation;
import org.springframework.stereotype.Component;

/**
 * V18: gives every accepted warning stored before issue 12 the key of its element. An acceptance
 * was stored with its rule id and path; the rules are run on the topology's latest version (the
 * only one warnings are accepted on) and the acceptance goes to the one warning of that rule on
 * that path. Where that path carries several warnings of the rule (T-5 on both sites, the bug of
 * issue 12) nobody can tell which one was meant, and where the warning is gone there is nothing to
 * cover: such an acceptance keeps its row, for the record, under the key {@code legacy:<path>}, which
 * matches no warning, so the warnings show as not accepted until someone accepts each one again.
 * The audit trail keeps the original acceptance either way.
 *
 * <p>A Java migration because only the rules know the elements; Spring Boot hands this bean to
 * Flyway, which runs it once, between V17 (the column) and what comes after.
 */
@Component
class KeyAcknowledgementsToElements implements JavaMigration {

    static final String LEGACY = "legacy:";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("18");
    }

    @Override
    public String getDescription() {
        return "key warning acknowledgements to elements";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        record Row(long id, long topologyId, String ruleId, String path) {}
        List<Row> rows = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet result = select.executeQuery(
                        "SELECT id, topology_id, rule_id, path FROM warning_acknowledgement WHERE element IS NULL")) {
            while (result.next()) {
                rows.add(new Row(result.getLong(1), result.getLong(2), result.getString(3), result.getString(4)));
            }
        }
        Map<Long, List<Violation>> warnings = new HashMap<>();
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE warning_acknowledgement SET element = ? WHERE id = ?")) {
            for (Row row : rows) {
                List<Violation> matching =
                        warnings.computeIfAbsent(row.topologyId(), id -> latestWarnings(connection, id)).stream()
                                .filter(violation -> violation.ruleId().equals(row.ruleId())
                                        && violation.path().equals(row.path()))
                                .toList();
                update.setString(1, matching.size() == 1 ? matching.getFirst().element() : LEGACY + row.path());
                update.setLong(2, row.id());
                update.executeUpdate();
            }
        }
        try (Statement alter = connection.createStatement()) {
            alter.execute("ALTER TABLE warning_acknowledgement ALTER COLUMN element NVARCHAR(400) NOT NULL");
            alter.execute("ALTER TABLE warning_acknowledgement ADD CONSTRAINT uq_warning_acknowledgement_element"
                    + " UNIQUE (topology_id, rule_id, element)");
        }
    }

    private static List<Violation> latestWarnings(Connection connection, long topologyId) {
        try (PreparedStatement select = connection.prepareStatement("SELECT v.document FROM topology_version v"
                + " JOIN topology t ON t.id = v.topology_id AND t.latest_version = v.number WHERE t.id = ?")) {
            select.setLong(1, topologyId);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return List.of();
                }
                return switch (TopologyFormat.read(result.getString(1))) {
                    case ReadResult.Read read ->
                        TopologyRules.check(read.topology()).stream()
                                .filter(violation -> violation.severity() == Severity.WARNING)
                                .toList();
                    case ReadResult.Unreadable unreadable -> List.of();
                };
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not read topology " + topologyId, e);
        }
    }
}
