package vn.tracker.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.common.Connection;
import vn.tracker.common.Cursor;
import vn.tracker.common.PageRequest;
import vn.tracker.security.Permissions;

/**
 * Reads the audit log: the admins' query over GraphQL, and the history of one entity for the
 * console's task page ({@link #ofEntity}). Newest first; one SQL statement per page.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private final NamedParameterJdbcTemplate jdbc;
    private final Permissions permissions;

    AuditTrail(NamedParameterJdbcTemplate jdbc, Permissions permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    /** What the admins filter by; null fields do not filter. */
    public record Filter(String entityType, String entityCode, Long entityId, String actor, Instant from, Instant to) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);
    }

    /** Admins only: the whole log, filtered, a page at a time. */
    public Connection<AuditEntry> search(Filter filter, PageRequest page) {
        permissions.requireAdmin();
        Filter f = filter == null ? Filter.NONE : filter;
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(f, params);
        String pageWhere = where + (page.after() == null ? "" : " and id < :afterId");
        params.addValue("afterId", page.after() == null ? Long.MAX_VALUE : page.afterId());
        params.addValue("limit", page.first() + 1);
        List<AuditEntry> rows = jdbc.query("select * from audit_log where " + pageWhere + " order by id desc limit :limit",
                params, AuditTrail::map);
        return Connection.of(rows, page, e -> Cursor.encodeId(e.id()),
                () -> jdbc.queryForObject("select count(*) from audit_log where " + where, params, Long.class));
    }

    /**
     * The latest entries of one entity, for its page in the console (e.g. "Task", task id). Anyone
     * who may see the entity sees its history; the caller (a console controller) decides that.
     */
    public List<AuditEntry> ofEntity(String entityType, long entityId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("type", entityType)
                .addValue("id", entityId).addValue("limit", Math.min(Math.max(limit, 1), 200));
        return jdbc.query("select * from audit_log where entity_type = :type and entity_id = :id "
                + "order by id desc limit :limit", params, AuditTrail::map);
    }

    private static String where(Filter f, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (f.entityType() != null) {
            conditions.add("entity_type = :entityType");
            params.addValue("entityType", f.entityType());
        }
        if (f.entityCode() != null) {
            conditions.add("entity_code = :entityCode");
            params.addValue("entityCode", f.entityCode());
        }
        if (f.entityId() != null) {
            conditions.add("entity_id = :entityId");
            params.addValue("entityId", f.entityId());
        }
        if (f.actor() != null) {
            conditions.add("actor = :actor");
            params.addValue("actor", f.actor());
        }
        if (f.from() != null) {
            conditions.add("occurred_at >= :from");
            params.addValue("from", java.sql.Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            conditions.add("occurred_at < :to");
            params.addValue("to", java.sql.Timestamp.from(f.to()));
        }
        return String.join(" and ", conditions);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        long entityId = rs.getLong("entity_id");
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                AuditEntry.ActorKind.valueOf(rs.getString("actor_kind")),
                AuditEntry.AuditAction.valueOf(rs.getString("action")), rs.getString("entity_type"),
                rs.wasNull() ? null : entityId, rs.getString("entity_code"), AuditWriter.parse(rs.getString("changes")));
    }
}
