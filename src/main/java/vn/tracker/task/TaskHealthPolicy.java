package vn.tracker.task;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How health is derived, in two forms that must agree: evaluated for loaded tasks, and as a SQL
 * predicate so lists and counts filter in the database (never by loading tasks into memory).
 */
public interface TaskHealthPolicy {

    /** Health of each task as of a date (batch: one call per page, never one per task). */
    Map<Long, TaskHealth> evaluate(List<Task> tasks, LocalDate asOf);

    /** A predicate true for tasks whose health, as of the date, is one of the given values. */
    Predicate matches(Root<Task> task, CriteriaQuery<?> query, CriteriaBuilder cb, Set<TaskHealth> healths,
            LocalDate asOf);
}
