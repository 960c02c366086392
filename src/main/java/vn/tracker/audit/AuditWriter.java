package vn.tracker.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Appends collected audit entries with one JDBC batch on the writer's own connection and transaction. */
@Component
class AuditWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INSERT = "insert into audit_log (occurred_at, actor, actor_kind, action, entity_type, "
            + "entity_id, entity_code, changes) values (?, ?, ?, ?, ?, ?, ?, ?)";

    void insert(Connection connection, List<PendingAuditEntry> entries) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (PendingAuditEntry e : entries) {
                statement.setTimestamp(1, Timestamp.from(e.at()));
                statement.setString(2, cut(e.actor(), 210));
                statement.setString(3, e.actorKind().name());
                statement.setString(4, e.action().name());
                statement.setString(5, e.entityType());
                if (e.entityId() == null) {
                    statement.setNull(6, Types.BIGINT);
                } else {
                    statement.setLong(6, e.entityId());
                }
                statement.setString(7, cut(e.entityCode(), 100));
                statement.setString(8, JSON.writeValueAsString(e.changes()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static List<AuditEntry.FieldChange> parse(String json) {
        return List.of(JSON.readValue(json, AuditEntry.FieldChange[].class));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
