package vn.tracker.audit;

import java.time.Instant;
import java.util.List;

/** An entry collected during a flush, written with the others of its transaction in one batch. */
record PendingAuditEntry(Instant at, String actor, AuditEntry.ActorKind actorKind, AuditEntry.AuditAction action,
        String entityType, Long entityId, String entityCode, List<AuditEntry.FieldChange> changes) {
}
