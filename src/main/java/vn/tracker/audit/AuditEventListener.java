package vn.tracker.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import vn.tracker.common.BaseEntity;
import vn.tracker.security.Actor;
import vn.tracker.security.CurrentActor;

/**
 * Turns every entity insert, update and delete into an audit entry. Entries are buffered per
 * Hibernate session and written just before the transaction commits, all in one JDBC batch, so
 * auditing adds one round trip per transaction (not one per row) and vanishes with a rollback.
 */
class AuditEventListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    /** Fields that never reach the log: secrets, and bookkeeping that changes on every write. */
    private static final Set<String> SKIPPED = Set.of("version", "createdAt", "updatedAt", "passwordHash", "tokenHash",
            "failedAttempts", "lastUsedAt");
    private static final Set<String> AUDITED_ENTITY_PACKAGES = Set.of("vn.tracker.");
    static final int MAX_VALUE_LENGTH = 4000;

    private final Map<SharedSessionContractImplementor, List<PendingAuditEntry>> pending = new ConcurrentHashMap<>();
    private final AuditWriter writer;
    private final Clock clock;

    AuditEventListener(AuditWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        EntityPersister persister = event.getPersister();
        record(event.getSession(), persister, event.getEntity(), event.getId(), AuditEntry.AuditAction.CREATE,
                changes(persister, null, event.getState(), null));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        EntityPersister persister = event.getPersister();
        List<AuditEntry.FieldChange> changes = changes(persister, event.getOldState(), event.getState(),
                event.getDirtyProperties());
        if (!changes.isEmpty()) {
            record(event.getSession(), persister, event.getEntity(), event.getId(), AuditEntry.AuditAction.UPDATE,
                    changes);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        EntityPersister persister = event.getPersister();
        record(event.getSession(), persister, event.getEntity(), event.getId(), AuditEntry.AuditAction.DELETE,
                changes(persister, event.getDeletedState(), null, null));
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    /** System when nobody is signed in (imports, start-up); otherwise a token or a user. */
    static AuditEntry.ActorKind kindOf(Actor actor) {
        return actor == Actor.SYSTEM || CurrentActor.find().isEmpty() ? AuditEntry.ActorKind.SYSTEM
                : actor.token() ? AuditEntry.ActorKind.TOKEN : AuditEntry.ActorKind.USER;
    }

    private void record(SharedSessionContractImplementor session, EntityPersister persister, Object entity, Object id,
            AuditEntry.AuditAction action, List<AuditEntry.FieldChange> changes) {
        if (AUDITED_ENTITY_PACKAGES.stream().noneMatch(p -> entity.getClass().getName().startsWith(p))) {
            return;
        }
        Actor actor = CurrentActor.get();
        AuditEntry.ActorKind kind = kindOf(actor);
        Long entityId = id instanceof Number n ? n.longValue() : null;
        PendingAuditEntry entry = new PendingAuditEntry(clock.instant(), actor.name(), kind, action,
                entity.getClass().getSimpleName(), entityId, codeOf(persister, entity), changes);
        List<PendingAuditEntry> buffer = pending.computeIfAbsent(session, s -> {
            // First write of this transaction: flush the buffer once, right before commit.
            s.getTransactionCompletionCallbacks().registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) done -> {
                List<PendingAuditEntry> entries = pending.remove(done);
                if (entries != null && !entries.isEmpty()) {
                    done.doWork(connection -> writer.insert(connection, entries));
                }
            });
            s.getTransactionCompletionCallbacks().registerCallback(
                    (TransactionCompletionCallbacks.AfterCompletionCallback) (success, done) -> pending.remove(done));
            return new ArrayList<>();
        });
        buffer.add(entry);
    }

    static String codeOf(EntityPersister persister, Object entity) {
        String[] names = persister.getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("code") || names[i].equals("username")) {
                Object value = persister.getValue(entity, i);
                return value == null ? null : value.toString();
            }
        }
        return null;
    }

    static List<AuditEntry.FieldChange> changes(EntityPersister persister, Object[] before, Object[] after,
            int[] dirty) {
        String[] names = persister.getPropertyNames();
        List<AuditEntry.FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (SKIPPED.contains(names[i]) || names[i].endsWith("Folded")) {
                continue;
            }
            Object old = before == null ? null : before[i];
            Object now = after == null ? null : after[i];
            if (old instanceof Collection<?> || now instanceof Collection<?> || old instanceof Map<?, ?>
                    || now instanceof Map<?, ?>) {
                continue; // collections are their own tables; their rows are audited as entities where mapped
            }
            boolean changed = dirty != null ? contains(dirty, i) : true;
            String oldText = text(old);
            String newText = text(now);
            if (changed && !Objects.equals(oldText, newText)) {
                changes.add(new AuditEntry.FieldChange(names[i], oldText, newText));
            }
        }
        return changes;
    }

    private static boolean contains(int[] values, int wanted) {
        for (int value : values) {
            if (value == wanted) {
                return true;
            }
        }
        return false;
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof HibernateProxy proxy) {
            String entityName = proxy.getHibernateLazyInitializer().getEntityName();
            text = entityName.substring(entityName.lastIndexOf('.') + 1) + "#"
                    + proxy.getHibernateLazyInitializer().getInternalIdentifier();
        } else if (value instanceof BaseEntity entity) {
            text = entity.getClass().getSimpleName() + "#" + entity.getId();
        } else if (value instanceof Instant instant) {
            text = instant.toString();
        } else {
            text = value.toString();
        }
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "…" : text;
    }
}
