package vn.tracker.review;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.springframework.stereotype.Component;
import vn.tracker.agency.Agency;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.ReasonCategory;
import vn.tracker.directive.Directive;
import vn.tracker.task.Task;
import vn.tracker.task.TaskHealth;
import vn.tracker.task.TaskStatus;

/**
 * The review's reads of the overdue and at-risk tasks of a scope, each ONE statement streamed in
 * the review's order (lead agency code, overdue first, task code): every flagged task with its
 * latest annotation and newest open annotations joined in, or every flagged task as counted only,
 * plus the item columns of chosen tasks. The review used to load the tasks as entities and then
 * their annotations, risk facts and programs in id-list batches of 1,024 — statements grew with
 * the flagged tasks (67 for a province of 14,800 at national scale).
 */
@Component
class FlaggedTaskQuery {

    /** Rows per network fetch: the result is streamed, never held whole. */
    private static final int FETCH_SIZE = 1000;

    private final EntityManager em;
    private final FullTaskHealthPolicy policy;

    FlaggedTaskQuery(EntityManager em, FullTaskHealthPolicy policy) {
        this.em = em;
        this.policy = policy;
    }

    /**
     * Every flagged task of the scope with all an item needs, in review order (one statement, the
     * annotation joins included: ~0.66 s for a province of 14,800 flagged tasks at national scale).
     */
    void forEach(LocalDate asOf, ReviewScope scope, Consumer<FlaggedTaskRow> action) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<Task> t = q.from(Task.class);
        Join<Task, Agency> lead = detailColumns(q, cb, t);
        HealthPredicates health = policy.predicates(t, q, cb, asOf);
        q.where(flagged(q, cb, t, health, asOf, scope)).orderBy(reviewOrder(cb, t, lead, health));
        stream(q, r -> action.accept(row(r)));
    }

    /**
     * Every flagged task of the scope as counted (group, overdue, explained), in review order, one
     * statement without the annotation joins (~0.2 s for the province above): what a cut review reads.
     */
    void forEachCounted(LocalDate asOf, ReviewScope scope, Consumer<FlaggedTask> action) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<Task> t = q.from(Task.class);
        Join<Task, Agency> lead = t.join("leadAgency");
        HealthPredicates health = policy.predicates(t, q, cb, asOf);
        Subquery<Integer> open = q.subquery(Integer.class);
        Root<Annotation> a = open.from(Annotation.class);
        open.select(cb.literal(1)).where(cb.equal(a.get("task"), t), cb.isFalse(a.get("resolved")));
        q.multiselect(t.get("id"), t.get("code"), t.get("provinceCode"), t.get("title"), lead.get("code"),
                        lead.get("name"), cb.<Integer>selectCase().when(health.overdue(), 1).otherwise(0),
                        cb.<Integer>selectCase().when(cb.exists(open), 1).otherwise(0))
                .where(flagged(q, cb, t, health, asOf, scope)).orderBy(reviewOrder(cb, t, lead, health));
        stream(q, r -> action.accept(new FlaggedTask((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], ((Number) r[6]).intValue() == 1, ((Number) r[7]).intValue() == 1)));
    }

    /** The item columns of the given tasks (one statement). */
    Map<Long, FlaggedTaskRow> details(Collection<Long> ids) {
        Map<Long, FlaggedTaskRow> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<Task> t = q.from(Task.class);
        detailColumns(q, cb, t);
        q.where(t.get("id").in(ids));
        stream(q, r -> {
            FlaggedTaskRow row = row(r);
            result.put(row.id(), row);
        });
        return result;
    }

    private static Predicate flagged(CriteriaQuery<?> q, CriteriaBuilder cb, Root<Task> t, HealthPredicates health,
            LocalDate asOf, ReviewScope scope) {
        List<Predicate> where = HealthQueries.scope(t, q, cb, scope);
        where.add(health.healthIn(EnumSet.of(TaskHealth.OVERDUE, TaskHealth.AT_RISK)));
        return cb.and(where.toArray(Predicate[]::new));
    }

    /** Lead agency code, overdue first, task code. */
    private static List<Order> reviewOrder(CriteriaBuilder cb, Root<Task> t, Join<Task, Agency> lead,
            HealthPredicates health) {
        Expression<Integer> overdueFirst = cb.<Integer>selectCase().when(health.overdue(), 0).otherwise(1);
        return List.of(cb.asc(lead.get("code")), cb.asc(overdueFirst), cb.asc(t.get("code")));
    }

    private void stream(CriteriaQuery<Object[]> q, Consumer<Object[]> action) {
        try (Stream<Object[]> rows = em.createQuery(q).setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream()) {
            rows.forEach(action);
        }
    }

    /** Selects what {@link #row} reads; returns the lead agency join. */
    private static Join<Task, Agency> detailColumns(CriteriaQuery<Object[]> q, CriteriaBuilder cb, Root<Task> t) {
        Join<Task, Agency> lead = t.join("leadAgency");
        Join<Task, Directive> d = t.join("directive", JoinType.LEFT);
        Join<Task, Annotation> latest = newest(q, cb, t, List.of());
        Join<Annotation, ReasonCategory> latestCategory = latest.join("category", JoinType.LEFT);
        Join<Task, Annotation> open = newest(q, cb, t, List.of("open"));
        Join<Task, Annotation> blocking = newest(q, cb, t, List.of("open", "blocking"));
        Join<Annotation, ReasonCategory> blockingCategory = blocking.join("category", JoinType.LEFT);
        Join<Task, Annotation> raised = newest(q, cb, t, List.of("open", "raisesRisk"));
        Join<Annotation, ReasonCategory> raisedCategory = raised.join("category", JoinType.LEFT);
        q.multiselect(t.get("id"), t.get("code"), t.get("provinceCode"), t.get("title"), d.get("id"), d.get("code"),
                lead.get("code"), lead.get("name"), t.get("dueOn"), t.get("dueText"), t.get("status"),
                t.get("progress"), t.get("result"), t.get("completedOn"), t.get("startOn"), t.get("startDay"),
                t.get("lastReportOn"),
                latest.get("id"), latestCategory.get("code"), latestCategory.get("nameVi"), latest.get("text"),
                latest.get("blocking"), latest.get("raisesRisk"), latest.get("resolved"),
                latest.get("createdBy"), latest.get("createdAt"),
                open.get("id"), blocking.get("id"), blockingCategory.get("code"), blocking.get("text"),
                raised.get("id"), raisedCategory.get("code"), raised.get("text"));
        return lead;
    }

    /** Left join of the task's newest annotation matching the flags ("open" = unresolved). */
    private static Join<Task, Annotation> newest(CriteriaQuery<?> q, CriteriaBuilder cb, Root<Task> t,
            List<String> flags) {
        Join<Task, Annotation> a = t.join(Annotation.class, JoinType.LEFT);
        Subquery<Long> max = q.subquery(Long.class);
        Root<Annotation> b = max.from(Annotation.class);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(b.get("task"), t));
        for (String flag : flags) {
            where.add(flag.equals("open") ? cb.isFalse(b.get("resolved")) : cb.isTrue(b.get(flag)));
        }
        max.select(cb.max(b.<Long>get("id"))).where(where.toArray(Predicate[]::new));
        a.on(cb.equal(a.get("id"), max));
        return a;
    }

    private static FlaggedTaskRow row(Object[] r) {
        WeeklyReview.Note latest = r[17] == null ? null
                : new WeeklyReview.Note((Long) r[17], (String) r[18], (String) r[19], (String) r[20], (Boolean) r[21],
                        (Boolean) r[22], (Boolean) r[23], (String) r[24], (Instant) r[25]);
        TaskRiskFacts.OpenFlag blocking = r[27] == null ? null : new TaskRiskFacts.OpenFlag((String) r[28], (String) r[29]);
        TaskRiskFacts.OpenFlag raised = r[30] == null ? null : new TaskRiskFacts.OpenFlag((String) r[31], (String) r[32]);
        return new FlaggedTaskRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (Long) r[4], (String) r[5],
                (String) r[6], (String) r[7], (LocalDate) r[8], (String) r[9], (TaskStatus) r[10], (Integer) r[11],
                (String) r[12], (LocalDate) r[13],
                Task.effectiveStart((LocalDate) r[14], (Integer) r[15]),
                (LocalDate) r[16], latest, r[26] != null, blocking, raised);
    }
}
