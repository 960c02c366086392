package vn.tracker.task;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;
import vn.tracker.common.BadInputException;
import vn.tracker.common.Connection;
import vn.tracker.common.Cursor;
import vn.tracker.common.NotFoundException;
import vn.tracker.common.PageRequest;
import vn.tracker.common.TextFolding;
import vn.tracker.directive.Directive;
import vn.tracker.pilot.PilotModel;

/**
 * Task lists in SQL: the TaskFilter as predicates (health through {@link TaskHealthPolicy}'s SQL
 * predicate, search on the folded column, extra fields through {@link TaskFilterContribution}s),
 * an order with the id as tie-breaker, and keyset cursors (sort key + id) that stay valid when rows
 * are inserted before or after them.
 */
@Service
@Transactional(readOnly = true)
public class TaskSearch {

    static final int MAX_SEARCH = 200;
    private static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    private final EntityManager em;
    private final TaskHealthPolicy healthPolicy;
    private final List<TaskFilterContribution> contributions;

    TaskSearch(EntityManager em, TaskHealthPolicy healthPolicy, List<TaskFilterContribution> contributions) {
        this.em = em;
        this.healthPolicy = healthPolicy;
        this.contributions = contributions;
    }

    /** A filter with its codes resolved to ids (agency and directive trees expanded when asked). */
    record Resolved(TaskFilter filter, Map<String, Object> raw, Set<Long> leadAgencyIds, Set<Long> anyAgencyIds,
            Set<Long> directiveIds, LocalDate asOf) {
    }

    public Connection<Task> search(TaskFilter filter, Map<String, Object> raw, TaskOrder order, PageRequest page,
            LocalDate asOf) {
        Resolved rf = resolve(filter, raw, asOf);
        TaskOrder o = TaskOrder.orDefault(order);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Task> q = cb.createQuery(Task.class);
        Root<Task> t = q.from(Task.class);
        List<Predicate> where = predicates(rf, t, q, cb);
        Expression<? extends Comparable<?>> key = sortKey(o.field(), t, q, cb, asOf);
        if (page.after() != null) {
            where.add(after(cb, o, key, t.get("id"), page.after()));
        }
        boolean asc = o.direction() == TaskOrder.Direction.ASC;
        List<Order> orderBy = new ArrayList<>();
        if (o.field() != TaskOrder.Field.ID) {
            orderBy.add(asc ? cb.asc(key) : cb.desc(key));
        }
        orderBy.add(asc ? cb.asc(t.get("id")) : cb.desc(t.get("id")));
        q.select(t).where(where.toArray(Predicate[]::new)).orderBy(orderBy);
        List<Task> rows = em.createQuery(q).setMaxResults(page.first() + 1).getResultList();
        Map<Long, String> keys = keysOf(o.field(), rows, asOf);
        return Connection.of(rows, page, task -> Cursor.encode(o.field() + "|" + task.getId() + "|" + keys.get(task.getId())),
                () -> count(rf));
    }

    public long count(TaskFilter filter, Map<String, Object> raw, LocalDate asOf) {
        return count(resolve(filter, raw, asOf));
    }

    private long count(Resolved rf) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<Task> t = q.from(Task.class);
        q.select(cb.count(t)).where(predicates(rf, t, q, cb).toArray(Predicate[]::new));
        return em.createQuery(q).getSingleResult();
    }

    // ---- filter ----

    Resolved resolve(TaskFilter filter, Map<String, Object> raw, LocalDate asOf) {
        TaskFilter f = TaskFilter.orNone(filter);
        if (f.search() != null && f.search().length() > MAX_SEARCH) {
            throw new BadInputException("filter.search", "Chuỗi tìm kiếm dài quá " + MAX_SEARCH
                    + " ký tự / search text longer than " + MAX_SEARCH + " characters");
        }
        if (f.dueFrom() != null && f.dueTo() != null && f.dueFrom().isAfter(f.dueTo())) {
            throw new BadInputException("filter.dueFrom", "dueFrom phải trước hoặc bằng dueTo / dueFrom must not be after dueTo");
        }
        boolean sub = Boolean.TRUE.equals(f.includeSubAgencies());
        Set<Long> lead = null;
        Set<Long> any = null;
        if (notEmpty(f.leadAgency()) || notEmpty(f.anyAgency())) {
            CodeTree agencies = CodeTree.load(em, "select a.id, a.parent.id, a.code from Agency a");
            lead = notEmpty(f.leadAgency()) ? agencies.ids("filter.leadAgency", "cơ quan", f.leadAgency(), sub) : null;
            any = notEmpty(f.anyAgency()) ? agencies.ids("filter.anyAgency", "cơ quan", f.anyAgency(), sub) : null;
        }
        Set<Long> directives = null;
        if (notEmpty(f.directive())) {
            CodeTree tree = CodeTree.load(em, "select d.id, d.parent.id, d.code from Directive d");
            directives = tree.ids("filter.directive", "văn bản", f.directive(), Boolean.TRUE.equals(f.includeImplementing()));
        }
        return new Resolved(f, raw == null ? Map.of() : raw, lead, any, directives, asOf);
    }

    List<Predicate> predicates(Resolved rf, Root<Task> t, CriteriaQuery<?> q, CriteriaBuilder cb) {
        TaskFilter f = rf.filter();
        List<Predicate> where = new ArrayList<>();
        if (notEmpty(f.status())) {
            where.add(t.get("status").in(f.status()));
        }
        if (notEmpty(f.health())) {
            where.add(healthPolicy.matches(t, q, cb, EnumSet.copyOf(f.health()), rf.asOf()));
        }
        if (rf.leadAgencyIds() != null) {
            where.add(t.get("leadAgency").get("id").in(rf.leadAgencyIds()));
        }
        if (rf.anyAgencyIds() != null) {
            Subquery<Long> coordinated = q.subquery(Long.class);
            Root<Task> c = coordinated.from(Task.class);
            Join<Task, Agency> a = c.join("coordinatingAgencies");
            coordinated.select(c.get("id")).where(a.get("id").in(rf.anyAgencyIds()));
            where.add(cb.or(t.get("leadAgency").get("id").in(rf.anyAgencyIds()), t.get("id").in(coordinated)));
        }
        if (rf.directiveIds() != null) {
            where.add(t.get("directive").get("id").in(rf.directiveIds()));
        }
        if (notEmpty(f.program())) {
            Subquery<Long> ofDirective = q.subquery(Long.class);
            Root<Directive> d = ofDirective.from(Directive.class);
            ofDirective.select(d.get("id")).where(d.join("programs").get("code").in(f.program()));
            Subquery<Long> ofModel = q.subquery(Long.class);
            Root<PilotModel> m = ofModel.from(PilotModel.class);
            ofModel.select(m.get("id")).where(m.join("program").get("code").in(f.program()));
            where.add(cb.or(t.get("directive").get("id").in(ofDirective), t.get("pilotModel").get("id").in(ofModel)));
        }
        if (notEmpty(f.pilotModel())) {
            Subquery<Long> models = q.subquery(Long.class);
            Root<PilotModel> m = models.from(PilotModel.class);
            List<Predicate> anyKey = new ArrayList<>();
            for (TaskFilter.PilotModelKey key : f.pilotModel()) {
                Predicate decision = cb.equal(m.get("decision").get("code"), key.decision());
                anyKey.add(key.number() == null ? decision : cb.and(decision, cb.equal(m.get("number"), key.number())));
            }
            models.select(m.get("id")).where(cb.or(anyKey.toArray(Predicate[]::new)));
            where.add(t.get("pilotModel").get("id").in(models));
        }
        if (f.dueFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(t.get("dueOn"), f.dueFrom()));
        }
        if (f.dueTo() != null) {
            where.add(cb.lessThanOrEqualTo(t.get("dueOn"), f.dueTo()));
        }
        if (notEmpty(f.origin())) {
            where.add(t.get("origin").in(f.origin()));
        }
        if (f.province() != null) {
            where.add(cb.equal(t.get("provinceCode"), f.province()));
        }
        if (f.search() != null && !f.search().isBlank()) {
            where.add(cb.like(t.get("searchFolded"), TextFolding.likePattern(f.search()), '!'));
        }
        for (TaskFilterContribution contribution : contributions) {
            Predicate p = contribution.toPredicate(rf.raw(), t, q, cb, rf.asOf());
            if (p != null) {
                where.add(p);
            }
        }
        return where;
    }

    // ---- order and cursors ----

    /** 0 OVERDUE, 1 AT_RISK, 2 ON_TRACK, 3 DONE: "most severe first" is ascending order. */
    static int severity(TaskHealth health) {
        return switch (health) {
            case OVERDUE -> 0;
            case AT_RISK -> 1;
            case ON_TRACK -> 2;
            case DONE -> 3;
        };
    }

    private Expression<? extends Comparable<?>> sortKey(TaskOrder.Field field, Root<Task> t, CriteriaQuery<?> q,
            CriteriaBuilder cb, LocalDate asOf) {
        return switch (field) {
            case ID -> t.get("id");
            case CODE -> t.get("code");
            case UPDATED_AT -> t.get("updatedAt");
            case DUE_ON -> cb.coalesce(t.<LocalDate>get("dueOn"), NO_DUE_DATE);
            case HEALTH_SEVERITY -> cb.<Integer>selectCase()
                    .when(healthPolicy.matches(t, q, cb, EnumSet.of(TaskHealth.OVERDUE), asOf), 0)
                    .when(healthPolicy.matches(t, q, cb, EnumSet.of(TaskHealth.AT_RISK), asOf), 1)
                    .when(healthPolicy.matches(t, q, cb, EnumSet.of(TaskHealth.ON_TRACK), asOf), 2)
                    .otherwise(3);
        };
    }

    private Map<Long, String> keysOf(TaskOrder.Field field, List<Task> rows, LocalDate asOf) {
        Map<Long, String> keys = new HashMap<>();
        if (field == TaskOrder.Field.HEALTH_SEVERITY && !rows.isEmpty()) {
            healthPolicy.evaluate(rows, asOf).forEach((id, h) -> keys.put(id, Integer.toString(severity(h))));
            return keys;
        }
        for (Task task : rows) {
            keys.put(task.getId(), switch (field) {
                case ID -> "";
                case CODE -> task.getCode();
                case UPDATED_AT -> task.getUpdatedAt().toString();
                case DUE_ON -> (task.getDueOn() == null ? NO_DUE_DATE : task.getDueOn()).toString();
                case HEALTH_SEVERITY -> throw new IllegalStateException();
            });
        }
        return keys;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate after(CriteriaBuilder cb, TaskOrder o, Expression key, Expression<Long> id, String cursor) {
        String[] parts = Cursor.decode(cursor).split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(o.field().name())) {
            throw new BadInputException("after",
                    "Con trỏ thuộc cách sắp xếp khác / the cursor belongs to another orderBy");
        }
        long lastId;
        Comparable value;
        try {
            lastId = Long.parseLong(parts[1]);
            value = switch (o.field()) {
                case ID -> null;
                case CODE -> parts[2];
                case UPDATED_AT -> Instant.parse(parts[2]);
                case DUE_ON -> LocalDate.parse(parts[2]);
                case HEALTH_SEVERITY -> Integer.valueOf(parts[2]);
            };
        } catch (RuntimeException e) {
            throw new BadInputException("after", "Con trỏ phân trang không hợp lệ / invalid cursor");
        }
        boolean asc = o.direction() == TaskOrder.Direction.ASC;
        Predicate idAfter = asc ? cb.greaterThan(id, lastId) : cb.lessThan(id, lastId);
        if (o.field() == TaskOrder.Field.ID) {
            return idAfter;
        }
        Predicate keyAfter = asc ? cb.greaterThan(key, value) : cb.lessThan(key, value);
        return cb.or(keyAfter, cb.and(cb.equal(key, value), idAfter));
    }

    private static boolean notEmpty(Collection<?> values) {
        return values != null && !values.isEmpty();
    }

    /** id → parent id and code → id of a small tree (agencies, directives), to expand descendants. */
    record CodeTree(Map<String, Long> idByCode, Map<Long, List<Long>> childrenOf) {

        static CodeTree load(EntityManager em, String jpql) {
            Map<String, Long> idByCode = new HashMap<>();
            Map<Long, List<Long>> children = new HashMap<>();
            for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
                idByCode.put((String) row[2], (Long) row[0]);
                if (row[1] != null) {
                    children.computeIfAbsent((Long) row[1], k -> new ArrayList<>()).add((Long) row[0]);
                }
            }
            return new CodeTree(idByCode, children);
        }

        Set<Long> ids(String field, String what, List<String> codes, boolean withDescendants) {
            Set<Long> ids = new LinkedHashSet<>();
            for (String code : codes) {
                Long id = idByCode.get(code);
                if (id == null) {
                    throw NotFoundException.of(field, what, code);
                }
                ids.add(id);
            }
            if (withDescendants) {
                List<Long> queue = new ArrayList<>(ids);
                Set<Long> seen = new HashSet<>(ids);
                while (!queue.isEmpty()) {
                    Long next = queue.remove(queue.size() - 1);
                    for (Long child : childrenOf.getOrDefault(next, List.of())) {
                        if (seen.add(child)) {
                            ids.add(child);
                            queue.add(child);
                        }
                    }
                }
            }
            return ids;
        }
    }
}
