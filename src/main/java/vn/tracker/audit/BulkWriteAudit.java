package vn.tracker.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tracker.security.Actor;
import vn.tracker.security.CurrentActor;

/**
 * Audit entries for writes that bypass JPA (bulk JDBC paths such as observation ingest), which the
 * Hibernate listener cannot see. One entry per bulk write, in the caller's transaction, so it
 * commits or rolls back with the data; per-row values live in the feature's own history tables.
 */
@Component
public class BulkWriteAudit {

    private final AuditWriter writer;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    BulkWriteAudit(AuditWriter writer, JdbcTemplate jdbc, Clock clock) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String entityType, String entityCode, List<AuditEntry.FieldChange> changes) {
        Actor actor = CurrentActor.get();
        PendingAuditEntry entry = new PendingAuditEntry(clock.instant(), actor.name(), AuditEventListener.kindOf(actor),
                AuditEntry.AuditAction.CREATE, entityType, null, entityCode, changes);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            writer.insert(connection, List.of(entry));
            return null;
        });
    }
}
