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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;
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
        return new TaskStats(asOf, List.copyOf(dims), total, toGroups(groups, dims));
    }

    private List<Tuple> grouped(TaskSearch.Resolved rf, Set<TaskStats.GroupBy> dims, TaskHealth health) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> q = cb.createTupleQuery();
        Root<Task> t = q.from(Task.class);
        List<Expression<?>> groupBy = new ArrayList<>();
        List<jakarta.persistence.criteria.Selection<?>> select = new ArrayList<>();
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
        Expression<TaskStatus> status = t.get("status");
        groupBy.add(status);
        select.add(status.alias("status"));
        select.add(cb.count(t).alias("n"));
        List<Predicate> where = search.predicates(rf, t, q, cb);
        where.add(healthPolicy.matches(t, q, cb, EnumSet.of(health), rf.asOf()));
        q.multiselect(select).where(where.toArray(Predicate[]::new)).groupBy(groupBy);
        return em.createQuery(q).getResultList();
    }

    private List<TaskStats.Group> toGroups(Map<Key, TaskCounts> groups, Set<TaskStats.GroupBy> dims) {
        Map<Long, Agency> agencies = load(Agency.class, groups.keySet().stream().map(Key::agencyId).toList());
        Map<Long, Directive> directives = load(Directive.class, groups.keySet().stream().map(Key::directiveId).toList());
        Map<Long, Program> programs = load(Program.class, groups.keySet().stream().map(Key::programId).toList());
        List<TaskStats.Group> result = new ArrayList<>();
        groups.forEach((k, counts) -> result.add(new TaskStats.Group(agencies.get(k.agencyId()),
                directives.get(k.directiveId()), programs.get(k.programId()), k.status(), k.health(), counts)));
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
        em.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type)
                .setParameter("ids", wanted).getResultList().forEach(e -> byId.put(idOf.apply(e), e));
        return byId;
    }
}
