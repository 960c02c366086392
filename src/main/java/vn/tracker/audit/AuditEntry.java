package vn.tracker.audit;

import java.time.Instant;
import java.util.List;

/** One audited write: who, when, what entity, and each field's value before and after. */
public record AuditEntry(long id, Instant at, String actor, ActorKind actorKind, AuditAction action,
        String entityType, Long entityId, String entityCode, List<FieldChange> changes) {

    public enum AuditAction { CREATE, UPDATE, DELETE }

    public enum ActorKind { USER, TOKEN, SYSTEM }

    /** A field's value before and after the write (null for none); long texts are cut. */
    public record FieldChange(String field, String before, String after) {
    }
}
