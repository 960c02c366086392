package vn.tracker.indicator;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The agency tree (id, code, name, parent) in memory for rolling series up and validating ingest.
 * A few thousand rows; reloaded whenever the agency table changes (checked with one cheap
 * aggregate query per {@link #view()}), so a new agency is usable at once and correctness never
 * depends on the cached copy.
 */
@Component
public class AgencyTree {

    /** One agency as the series needs it. */
    public record Node(long id, String code, String name, Long parentId) {
    }

    /** An immutable copy of the tree; take one per request. */
    public static final class View {
        private final List<Object> stamp;
        private final Map<Long, Node> byId = new HashMap<>();
        private final Map<String, Node> byCode = new HashMap<>();
        private final Map<Long, List<Node>> children = new HashMap<>();

        private View(List<Object> stamp) {
            this.stamp = stamp;
        }

        /** Changes whenever an agency is added, removed or edited. */
        public Object version() {
            return stamp;
        }

        public Node byCode(String code) {
            return code == null ? null : byCode.get(code);
        }

        public Node byId(long id) {
            return byId.get(id);
        }

        /** Direct children, ordered by code. */
        public List<Node> children(long id) {
            return children.getOrDefault(id, List.of());
        }

        /** The agencies and all their descendants. */
        public Set<Long> subtreeIds(Collection<Long> roots) {
            Set<Long> result = new LinkedHashSet<>();
            List<Long> stack = new ArrayList<>(roots);
            while (!stack.isEmpty()) {
                Long id = stack.remove(stack.size() - 1);
                if (result.add(id)) {
                    children(id).forEach(c -> stack.add(c.id()));
                }
            }
            return result;
        }

        /** Whether {@code id} is {@code ancestor} or below it. */
        public boolean isSameOrBelow(long id, long ancestor) {
            Long current = id;
            for (int depth = 0; current != null && depth < 64; depth++) {
                if (current == ancestor) {
                    return true;
                }
                Node n = byId.get(current);
                current = n == null ? null : n.parentId();
            }
            return false;
        }
    }

    private final JdbcTemplate jdbc;
    private volatile View cached;

    AgencyTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public View view() {
        List<Object> stamp = jdbc.queryForObject("SELECT COUNT(*), MAX(id), MAX(updated_at) FROM agency",
                (rs, i) -> {
                    Timestamp t = rs.getTimestamp(3);
                    return Arrays.asList(rs.getLong(1), rs.getLong(2), t == null ? null : t.getTime());
                });
        View v = cached;
        if (v != null && Objects.equals(v.stamp, stamp)) {
            return v;
        }
        View fresh = new View(stamp);
        jdbc.query("SELECT id, code, name, parent_id FROM agency ORDER BY code", rs -> {
            long parent = rs.getLong(4);
            Node n = new Node(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : parent);
            fresh.byId.put(n.id(), n);
            fresh.byCode.put(n.code(), n);
            if (n.parentId() != null) {
                fresh.children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            }
        });
        cached = fresh;
        return fresh;
    }
}
