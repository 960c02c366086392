package vn.tracker.task;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;
import vn.tracker.common.IdListQuery;
import vn.tracker.directive.Directive;
import vn.tracker.directive.Program;

/**
 * taskStats: counts per group by status and health, computed by the database with GROUP BY. Health
 * is derived, so each health value is one grouped statement with the policy's SQL predicate
 * (4 statements, whatever the number of tasks); Java only adds the rows into groups.
 */
@Service
@Transactional(readOnly = true)
public class TaskStatsService {

    private final EntityManager em;
    private final TaskSearch search;
    private final TaskHealthPolicy healthPolicy;

    TaskStatsService(EntityManager em, TaskSearch search, TaskHealthPolicy healthPolicy) {
        this.em = em;
        this.search = search;
        this.healthPolicy = healthPolicy;
    }

    private record Key(Long agencyId, Long directiveId, Long programId, TaskStatus status, TaskHealth health) {
    }

    public TaskStats stats(TaskFilter filter, Map<String, Object> raw, List<TaskStats.GroupBy> groupBy, LocalDate asOf) {
        Set<TaskStats.GroupBy> dims = groupBy == null || groupBy.isEmpty() ? EnumSet.noneOf(TaskStats.GroupBy.class)
                : EnumSet.copyOf(groupBy);
        TaskSearch.Resolved rf = search.resolve(filter, raw, asOf);
        Map<Key, TaskCounts> groups = new LinkedHashMap<>();
        TaskCounts total = new TaskCounts();
        for (TaskHealth health : TaskHealth.values()) {
            for (Tuple row : grouped(rf, dims, health)) {
                Long agencyId = dims.contains(TaskStats.GroupBy.AGENCY) ? row.get("agency", Long.class) : null;
                Long directiveId = dims.contains(TaskStats.GroupBy.DIRECTIVE) ? row.get("directive", Long.class) : null;
                Long programId = dims.contains(TaskStats.GroupBy.PROGRAM) ? row.get("program", Long.class) : null;
                TaskStatus status = row.get("status", TaskStatus.class);
                long n = row.get("n", Long.class);
                Key key = new Key(agencyId, directiveId, programId,
                        dims.contains(TaskStats.GroupBy.STATUS) ? status : null,
                        dims.contains(TaskStats.GroupBy.HEALTH) ? health : null);
                groups.computeIfAbsent(key, k -> new TaskCounts()).add(status, health, n);
                if (!dims.contains(TaskStats.GroupBy.PROGRAM)) {
                    total.add(status, health, n);
                }
            }
            if (dims.contains(TaskStats.GroupBy.PROGRAM)) {
                // A task of a directive in two programs is in both groups; the total counts it once.
                for (Tuple row : grouped(rf, EnumSet.noneOf(TaskStats.GroupBy.class), health)) {
                    total.add(row.get("status", TaskStatus.class), health, row.get("n", Long.class));
                }
            }
        }
        TaskStats.Scope scope = new TaskStats.Scope(rf, dims);
        return new TaskStats(asOf, List.copyOf(dims), total, toGroups(groups, scope), scope);
    }

    private List<Tuple> grouped(TaskSearch.Resolved rf, Set<TaskStats.GroupBy> dims, TaskHealth health) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> q = cb.createTupleQuery();
        Root<Task> t = q.from(Task.class);
        List<Expression<?>> groupBy = new ArrayList<>();
        List<Selection<?>> select = new ArrayList<>();
        Set<TaskStats.GroupBy> keys = EnumSet.noneOf(TaskStats.GroupBy.class);
        keys.addAll(dims);
        keys.remove(TaskStats.GroupBy.STATUS); // always grouped by status: the counts are per status
        dimensions(t, keys, groupBy, select);
        Expression<TaskStatus> status = t.get("status");
        groupBy.add(status);
        select.add(status.alias("status"));
        select.add(cb.count(t).alias("n"));
        List<Predicate> where = search.predicates(rf, t, q, cb);
        where.add(healthPolicy.matches(t, q, cb, EnumSet.of(health), rf.asOf()));
        q.multiselect(select).where(where.toArray(Predicate[]::new)).groupBy(groupBy);
        return em.createQuery(q).getResultList();
    }

    /** The key columns of the dimensions (health excepted: it is a predicate, not a column). */
    private static void dimensions(Root<Task> t, Set<TaskStats.GroupBy> dims, List<Expression<?>> groupBy,
            List<Selection<?>> select) {
        if (dims.contains(TaskStats.GroupBy.AGENCY)) {
            Expression<Long> agency = t.get("leadAgency").get("id");
            groupBy.add(agency);
            select.add(agency.alias("agency"));
        }
        Join<Task, Directive> directive = null;
        if (dims.contains(TaskStats.GroupBy.DIRECTIVE) || dims.contains(TaskStats.GroupBy.PROGRAM)) {
            directive = t.join("directive", JoinType.LEFT);
        }
        if (dims.contains(TaskStats.GroupBy.DIRECTIVE)) {
            Expression<Long> d = directive.get("id");
            groupBy.add(d);
            select.add(d.alias("directive"));
        }
        if (dims.contains(TaskStats.GroupBy.PROGRAM)) {
            Expression<Long> p = directive.join("programs", JoinType.LEFT).get("id");
            groupBy.add(p);
            select.add(p.alias("program"));
        }
        if (dims.contains(TaskStats.GroupBy.STATUS)) {
            Expression<TaskStatus> status = t.get("status");
            groupBy.add(status);
            select.add(status.alias("status"));
        }
    }

    /** A classification of tasks another feature defines (e.g. deadline status), as one SQL predicate per class. */
    @FunctionalInterface
    public interface Classification<C> {
        Predicate matches(C value, Root<Task> task, CriteriaBuilder cb, LocalDate asOf);
    }

    /**
     * For each of the given groups (all of one stats' scope), how many of its tasks fall in each class:
     * the stats' GROUP BY with one {@code SUM(CASE WHEN class THEN 1 ELSE 0 END)} column per class, so one
     * statement for all groups (one per health value when grouped by HEALTH, health being a predicate).
     * Results are in the order of {@code groups}; every class is present, zero when none.
     */
    public <C> List<Map<C, Long>> countPerGroup(TaskStats.Scope scope, List<TaskStats.Group> groups, List<C> classes,
            Classification<C> classification) {
        Set<TaskHealth> healths = new LinkedHashSet<>();
        if (scope.dims.contains(TaskStats.GroupBy.HEALTH)) {
            groups.forEach(g -> healths.add(g.health()));
        } else {
            healths.add(null);
        }
        Map<Key, Map<C, Long>> byKey = new HashMap<>();
        for (TaskHealth health : healths) {
            for (Tuple row : classified(scope.filter, scope.dims, health, classes, classification)) {
                Key key = new Key(
                        scope.dims.contains(TaskStats.GroupBy.AGENCY) ? row.get("agency", Long.class) : null,
                        scope.dims.contains(TaskStats.GroupBy.DIRECTIVE) ? row.get("directive", Long.class) : null,
                        scope.dims.contains(TaskStats.GroupBy.PROGRAM) ? row.get("program", Long.class) : null,
                        scope.dims.contains(TaskStats.GroupBy.STATUS) ? row.get("status", TaskStatus.class) : null,
                        health);
                byKey.put(key, classCounts(row, classes));
            }
        }
        return groups.stream().map(g -> byKey.getOrDefault(keyOf(g), zeros(classes))).toList();
    }

    /** The same count over all the stats' tasks (each task once, whatever the dimensions): one statement. */
    public <C> Map<C, Long> countTotal(TaskStats.Scope scope, List<C> classes, Classification<C> classification) {
        List<Tuple> rows = classified(scope.filter, EnumSet.noneOf(TaskStats.GroupBy.class), null, classes,
                classification);
        return rows.isEmpty() ? zeros(classes) : classCounts(rows.get(0), classes);
    }

    private <C> List<Tuple> classified(TaskSearch.Resolved rf, Set<TaskStats.GroupBy> dims, TaskHealth health,
            List<C> classes, Classification<C> classification) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> q = cb.createTupleQuery();
        Root<Task> t = q.from(Task.class);
        List<Expression<?>> groupBy = new ArrayList<>();
        List<Selection<?>> select = new ArrayList<>();
        dimensions(t, dims, groupBy, select);
        for (int i = 0; i < classes.size(); i++) {
            Expression<Integer> one = cb.<Integer>selectCase()
                    .when(classification.matches(classes.get(i), t, cb, rf.asOf()), cb.literal(1))
                    .otherwise(cb.literal(0));
            select.add(cb.sumAsLong(one).alias("c" + i));
        }
        List<Predicate> where = search.predicates(rf, t, q, cb);
        if (health != null) {
            where.add(healthPolicy.matches(t, q, cb, EnumSet.of(health), rf.asOf()));
        }
        q.multiselect(select).where(where.toArray(Predicate[]::new));
        if (!groupBy.isEmpty()) {
            q.groupBy(groupBy);
        }
        return em.createQuery(q).getResultList();
    }

    private static <C> Map<C, Long> classCounts(Tuple row, List<C> classes) {
        Map<C, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            Long n = row.get("c" + i, Long.class);
            counts.put(classes.get(i), n == null ? 0L : n); // SUM over no rows is NULL
        }
        return counts;
    }

    private static <C> Map<C, Long> zeros(List<C> classes) {
        Map<C, Long> counts = new LinkedHashMap<>();
        classes.forEach(c -> counts.put(c, 0L));
        return counts;
    }

    private static Key keyOf(TaskStats.Group g) {
        return new Key(g.agency() == null ? null : g.agency().getId(),
                g.directive() == null ? null : g.directive().getId(),
                g.program() == null ? null : g.program().getId(), g.status(), g.health());
    }

    private List<TaskStats.Group> toGroups(Map<Key, TaskCounts> groups, TaskStats.Scope scope) {
        Map<Long, Agency> agencies = load(Agency.class, groups.keySet().stream().map(Key::agencyId).toList());
        Map<Long, Directive> directives = load(Directive.class, groups.keySet().stream().map(Key::directiveId).toList());
        Map<Long, Program> programs = load(Program.class, groups.keySet().stream().map(Key::programId).toList());
        List<TaskStats.Group> result = new ArrayList<>();
        groups.forEach((k, counts) -> result.add(new TaskStats.Group(agencies.get(k.agencyId()),
                directives.get(k.directiveId()), programs.get(k.programId()), k.status(), k.health(), counts,
                scope)));
        Comparator<TaskStats.Group> order = Comparator
                .comparing((TaskStats.Group g) -> g.agency() == null ? null : g.agency().getCode(), nullsLast())
                .thenComparing(g -> g.directive() == null ? null : g.directive().getCode(), nullsLast())
                .thenComparing(g -> g.program() == null ? null : g.program().getCode(), nullsLast())
                .thenComparing(TaskStats.Group::status, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TaskStats.Group::health, Comparator.nullsLast(Comparator.naturalOrder()));
        result.sort(order);
        return result;
    }

    private static Comparator<String> nullsLast() {
        return Comparator.nullsLast(Comparator.naturalOrder());
    }

    private <E> Map<Long, E> load(Class<E> type, List<Long> ids) {
        List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, E> byId = new HashMap<>();
        if (wanted.isEmpty()) {
            return byId;
        }
        Function<E, Long> idOf = e -> (Long) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(e);
        IdListQuery.list(em, "select e from " + type.getSimpleName() + " e where e.id in (:ids)", type, wanted)
                .forEach(e -> byId.put(idOf.apply(e), e));
        return byId;
    }
}
