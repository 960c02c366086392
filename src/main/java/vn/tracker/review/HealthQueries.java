package vn.tracker.review;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;
import vn.tracker.directive.Directive;
import vn.tracker.directive.Program;
import vn.tracker.task.Task;
import vn.tracker.task.TaskHealth;

/**
 * Lists and counts of tasks by health or deadline status, computed by the database with the
 * policy's SQL predicates: tasks are never loaded to be filtered in memory.
 */
@Service
@Transactional(readOnly = true)
public class HealthQueries {

    private final EntityManager em;
    private final FullTaskHealthPolicy policy;

    HealthQueries(EntityManager em, FullTaskHealthPolicy policy) {
        this.em = em;
        this.policy = policy;
    }

    /**
     * Tasks whose health as of the date is one of the given values (null: any), by lead agency code
     * then task code, with lead agency and directive fetched.
     */
    public List<Task> tasksWithHealth(Set<TaskHealth> healths, LocalDate asOf, ReviewScope scope) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Task> q = cb.createQuery(Task.class);
        Root<Task> task = q.from(Task.class);
        @SuppressWarnings("unchecked")
        Join<Task, Agency> lead = (Join<Task, Agency>) task.<Task, Agency>fetch("leadAgency");
        task.fetch("directive", JoinType.LEFT);
        List<Predicate> where = scope(task, q, cb, scope);
        if (healths != null && healths.size() < TaskHealth.values().length) {
            where.add(policy.matches(task, q, cb, healths, asOf));
        }
        q.select(task).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(lead.get("code")), cb.asc(task.get("code")));
        return em.createQuery(q).getResultList();
    }

    /** Tasks by a SQL predicate on one health value: one COUNT statement per value. */
    public Map<TaskHealth, Long> countByHealth(LocalDate asOf, ReviewScope scope) {
        Map<TaskHealth, Long> result = new EnumMap<>(TaskHealth.class);
        for (TaskHealth h : TaskHealth.values()) {
            result.put(h, count(asOf, scope, (task, q, cb) -> policy.matches(task, q, cb, Set.of(h), asOf)));
        }
        return result;
    }

    /**
     * All tasks in scope and the DONE ones among them, in one statement (the review knows its
     * overdue and at-risk counts from its own rows; ON_TRACK is the rest, the four classes partition).
     */
    public long[] tasksAndDone(LocalDate asOf, ReviewScope scope) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<Task> task = q.from(Task.class);
        Predicate done = policy.matches(task, q, cb, Set.of(TaskHealth.DONE), asOf);
        q.multiselect(cb.count(task), cb.sum(cb.<Integer>selectCase().when(done, 1).otherwise(0)))
                .where(scope(task, q, cb, scope).toArray(Predicate[]::new));
        Object[] row = em.createQuery(q).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue()};
    }

    public Map<DeadlineStatus, Long> countByDeadlineStatus(LocalDate asOf, ReviewScope scope) {
        Map<DeadlineStatus, Long> result = new EnumMap<>(DeadlineStatus.class);
        for (DeadlineStatus s : DeadlineStatus.values()) {
            result.put(s, count(asOf, scope, (task, q, cb) -> s.predicate(task, cb, asOf)));
        }
        return result;
    }

    interface Condition {
        Predicate on(Root<Task> task, CriteriaQuery<?> query, CriteriaBuilder cb);
    }

    long count(LocalDate asOf, ReviewScope scope, Condition condition) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<Task> task = q.from(Task.class);
        List<Predicate> where = scope(task, q, cb, scope);
        where.add(condition.on(task, q, cb));
        q.select(cb.count(task)).where(where.toArray(Predicate[]::new));
        return em.createQuery(q).getSingleResult();
    }

    static List<Predicate> scope(Root<Task> task, CriteriaQuery<?> q, CriteriaBuilder cb, ReviewScope scope) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.isNull(task.get("duplicateOf")));
        if (scope.province() != null) {
            where.add(cb.equal(task.get("provinceCode"), scope.province()));
        }
        if (!scope.leadAgencies().isEmpty()) {
            Join<Task, Agency> lead = task.join("leadAgency", JoinType.INNER);
            where.add(lead.get("code").in(scope.leadAgencies()));
        }
        if (!scope.programs().isEmpty()) {
            Subquery<Integer> sq = q.subquery(Integer.class);
            Root<Directive> d = sq.from(Directive.class);
            Join<Directive, Program> p = d.join("programs");
            sq.select(cb.literal(1)).where(cb.equal(d, task.get("directive")), p.get("code").in(scope.programs()));
            where.add(cb.exists(sq));
        }
        return where;
    }
}
