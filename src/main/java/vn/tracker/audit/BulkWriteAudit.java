package vn.tracker.audit;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tracker.security.Actor;
import vn.tracker.security.CurrentActor;

/**
 * Audit entries for writes that bypass JPA (bulk JDBC paths such as observation ingest), which the
 * Hibernate listener cannot see. Written in the caller's transaction, so they commit or roll back
 * with the data.
 */
@Component
public class BulkWriteAudit {

    private final AuditWriter writer;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SessionFactoryImplementor sessionFactory;

    BulkWriteAudit(AuditWriter writer, JdbcTemplate jdbc, Clock clock, EntityManagerFactory entityManagerFactory) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    }

    /** One entry for a whole bulk write; per-row values live in the feature's own history tables. */
    public void record(String entityType, String entityCode, List<AuditEntry.FieldChange> changes) {
        Actor actor = CurrentActor.get();
        PendingAuditEntry entry = new PendingAuditEntry(clock.instant(), actor.name(), AuditEventListener.kindOf(actor),
                AuditEntry.AuditAction.CREATE, entityType, null, entityCode, changes);
        write(List.of(entry));
    }

    /**
     * One CREATE entry per entity a bulk JDBC insert wrote (ids in the same order), with exactly the
     * fields the Hibernate listener lists for an insert, so a row's history does not depend on the
     * path that created it. All entries in one batch.
     */
    public void recordCreated(List<?> entities, List<Long> ids) {
        if (entities.isEmpty()) {
            return;
        }
        Actor actor = CurrentActor.get();
        AuditEntry.ActorKind kind = AuditEventListener.kindOf(actor);
        Instant at = clock.instant();
        List<PendingAuditEntry> entries = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            Object entity = entities.get(i);
            EntityPersister persister = sessionFactory.getMappingMetamodel().getEntityDescriptor(entity.getClass());
            entries.add(new PendingAuditEntry(at, actor.name(), kind, AuditEntry.AuditAction.CREATE,
                    entity.getClass().getSimpleName(), ids.get(i), AuditEventListener.codeOf(persister, entity),
                    AuditEventListener.changes(persister, null, persister.getValues(entity), null)));
        }
        write(entries);
    }

    private void write(List<PendingAuditEntry> entries) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            writer.insert(connection, entries);
            return null;
        });
    }
}
