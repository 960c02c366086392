package vn.tracker.review;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.tracker.annotation.Annotation;
import vn.tracker.directive.Directive;
import vn.tracker.directive.Program;
import vn.tracker.task.Task;
import vn.tracker.task.TaskHealth;
import vn.tracker.task.TaskStatus;

/**
 * The rules of {@link HealthRules} as SQL (JPA Criteria), so lists and counts by health are computed
 * by the database. Every rule is written so it is TRUE or FALSE, never UNKNOWN (nullable columns are
 * guarded with IS NOT NULL), which makes NOT(rule) safe for ON_TRACK. Date comparisons use the
 * indexed {@code due_on}/{@code last_report_on} columns; pace arithmetic uses the epoch-day columns
 * {@code start_day}/{@code due_day}, which is the same SQL on H2 and MySQL.
 */
final class HealthPredicates {

    private final Root<Task> task;
    private final CriteriaQuery<?> query;
    private final CriteriaBuilder cb;
    private final LocalDate asOf;
    private final int asOfDay;
    private final HealthThresholds defaults;
    private final Map<String, HealthThresholds> programThresholds;

    HealthPredicates(Root<Task> task, CriteriaQuery<?> query, CriteriaBuilder cb, LocalDate asOf,
            HealthThresholds defaults, Map<String, HealthThresholds> programThresholds) {
        this.task = task;
        this.query = query;
        this.cb = cb;
        this.asOf = asOf;
        this.asOfDay = (int) asOf.toEpochDay();
        this.defaults = defaults;
        this.programThresholds = programThresholds;
    }

    Predicate healthIn(Set<TaskHealth> healths) {
        List<Predicate> any = new ArrayList<>();
        if (healths.contains(TaskHealth.DONE)) {
            any.add(done());
        }
        if (healths.contains(TaskHealth.OVERDUE)) {
            any.add(overdue());
        }
        if (healths.contains(TaskHealth.AT_RISK) || healths.contains(TaskHealth.ON_TRACK)) {
            Predicate openInTerm = cb.and(notDone(), cb.not(overdueCore()));
            Predicate rules = anyRiskRule();
            if (healths.contains(TaskHealth.AT_RISK)) {
                any.add(cb.and(openInTerm, rules));
            }
            if (healths.contains(TaskHealth.ON_TRACK)) {
                any.add(cb.and(openInTerm, cb.not(rules)));
            }
        }
        return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    }

    private Expression<TaskStatus> status() {
        return task.get("status");
    }

    private Expression<LocalDate> completedOn() {
        return task.get("completedOn");
    }

    Predicate done() {
        return cb.or(cb.equal(status(), TaskStatus.CANCELLED),
                cb.and(cb.equal(status(), TaskStatus.COMPLETED),
                        cb.or(cb.isNull(completedOn()), cb.lessThanOrEqualTo(completedOn(), asOf))));
    }

    Predicate notDone() {
        return cb.and(cb.notEqual(status(), TaskStatus.CANCELLED),
                cb.or(cb.notEqual(status(), TaskStatus.COMPLETED),
                        cb.and(cb.isNotNull(completedOn()), cb.greaterThan(completedOn(), asOf))));
    }

    /** Due before the as-of date and not standing work; combined with notDone() it is OVERDUE. */
    private Predicate overdueCore() {
        Expression<LocalDate> dueOn = task.get("dueOn");
        return cb.and(cb.notEqual(status(), TaskStatus.ONGOING), cb.isNotNull(dueOn), cb.lessThan(dueOn, asOf));
    }

    Predicate overdue() {
        return cb.and(notDone(), overdueCore());
    }

    private Predicate anyRiskRule() {
        return cb.or(perProgram(this::behindPace), perProgram(this::notStartedLate), perProgram(this::stale),
                openAnnotation("blocking"), openAnnotation("raisesRisk"));
    }

    private interface Rule {
        Predicate with(HealthThresholds th);
    }

    /** A rule under the defaults for tasks in no overriding program, else under each program's values. */
    private Predicate perProgram(Rule rule) {
        if (programThresholds.isEmpty()) {
            return rule.with(defaults);
        }
        List<Predicate> any = new ArrayList<>();
        any.add(cb.and(cb.not(inPrograms(programThresholds.keySet())), rule.with(defaults)));
        programThresholds.forEach((code, th) -> any.add(cb.and(inPrograms(Set.of(code)), rule.with(th))));
        return cb.or(any.toArray(Predicate[]::new));
    }

    private Predicate inPrograms(Set<String> codes) {
        Subquery<Integer> sq = query.subquery(Integer.class);
        Root<Directive> d = sq.from(Directive.class);
        Join<Directive, Program> p = d.join("programs");
        sq.select(cb.literal(1)).where(cb.equal(d, task.get("directive")), p.get("code").in(codes));
        return cb.exists(sq);
    }

    private Predicate behindPace(HealthThresholds th) {
        Expression<LocalDate> dueOn = task.get("dueOn");
        Expression<Integer> startDay = task.get("startDay");
        Expression<Integer> dueDay = task.get("dueDay");
        Expression<Integer> progress = task.get("progress");
        // 100 * (asOf - start) - (progress + B) * (due - start) > 0
        Expression<Integer> lhs = cb.diff(cb.prod(cb.diff(asOfDay, startDay), 100),
                cb.prod(cb.sum(progress, th.behindPacePoints()), cb.diff(dueDay, startDay)));
        return cb.and(cb.notEqual(status(), TaskStatus.ONGOING), cb.isNotNull(dueOn), cb.isNotNull(dueDay),
                cb.isNotNull(startDay),
                cb.greaterThanOrEqualTo(dueOn, asOf), cb.lessThanOrEqualTo(dueOn, asOf.plusDays(th.horizonDays())),
                cb.lessThan(startDay, dueDay), cb.lessThan(startDay, asOfDay), cb.greaterThan(lhs, 0));
    }

    private Predicate notStartedLate(HealthThresholds th) {
        Expression<Integer> startDay = task.get("startDay");
        Expression<Integer> dueDay = task.get("dueDay");
        // 100 * (asOf - start) >= F * (due - start)
        Expression<Integer> lhs = cb.diff(cb.prod(cb.diff(asOfDay, startDay), 100),
                cb.prod(cb.diff(dueDay, startDay), th.notStartedElapsedPercent()));
        return cb.and(cb.equal(status(), TaskStatus.NOT_STARTED), cb.isNotNull(dueDay), cb.isNotNull(startDay),
                cb.lessThan(startDay, dueDay), cb.greaterThanOrEqualTo(lhs, 0));
    }

    private Predicate stale(HealthThresholds th) {
        Expression<LocalDate> lastReportOn = task.get("lastReportOn");
        Expression<Integer> startDay = task.get("startDay");
        return cb.or(
                cb.and(cb.isNotNull(lastReportOn), cb.lessThanOrEqualTo(lastReportOn, asOf.minusDays(th.staleDays()))),
                cb.and(cb.isNull(lastReportOn), cb.isNotNull(startDay),
                        cb.lessThanOrEqualTo(startDay, asOfDay - th.staleDays())));
    }

    /** An open (unresolved) annotation with the given flag set; uses ix_annotation_task. */
    private Predicate openAnnotation(String flag) {
        Subquery<Integer> sq = query.subquery(Integer.class);
        Root<Annotation> a = sq.from(Annotation.class);
        sq.select(cb.literal(1)).where(cb.equal(a.get("task"), task), cb.isFalse(a.get("resolved")),
                cb.isTrue(a.get(flag)));
        return cb.exists(sq);
    }
}
