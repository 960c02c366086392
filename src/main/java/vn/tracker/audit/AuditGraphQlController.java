package vn.tracker.audit;

import java.time.OffsetDateTime;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.common.Connection;
import vn.tracker.common.PageRequest;

/** auditLog(filter, first, after) for admins. */
@Controller
class AuditGraphQlController {

    private final AuditTrail trail;

    AuditGraphQlController(AuditTrail trail) {
        this.trail = trail;
    }

    /** GraphQL input AuditFilter. */
    record AuditFilterInput(String entityType, String entityCode, String entityId, String actor, OffsetDateTime from,
            OffsetDateTime to) {

        AuditTrail.Filter toFilter() {
            Long id = null;
            if (entityId != null) {
                try {
                    id = Long.parseLong(entityId);
                } catch (NumberFormatException e) {
                    throw new vn.tracker.common.BadInputException("filter.entityId", "Mã số không hợp lệ / invalid id");
                }
            }
            return new AuditTrail.Filter(entityType, entityCode, id, actor, from == null ? null : from.toInstant(),
                    to == null ? null : to.toInstant());
        }
    }

    @QueryMapping
    Connection<AuditEntry> auditLog(@Argument AuditFilterInput filter, @Argument Integer first, @Argument String after) {
        return trail.search(filter == null ? null : filter.toFilter(), PageRequest.of(first, after));
    }

    @SchemaMapping(typeName = "AuditEntry")
    String id(AuditEntry entry) {
        return Long.toString(entry.id());
    }
}
