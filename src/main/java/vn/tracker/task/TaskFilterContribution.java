package vn.tracker.task;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.Map;

/**
 * A TaskFilter field contributed by another feature (e.g. the review issue's
 * {@code deadlineStatus}). Declare the field with {@code extend input TaskFilter { … }} in your
 * .graphqls file and register an implementation as a Spring bean: every task list, count and
 * statistic of the API (tasks, Directive.tasks, Agency.tasks, taskStats) then applies it in SQL.
 */
public interface TaskFilterContribution {

    /**
     * The predicate for the contributed fields, or null when the filter does not use them.
     *
     * @param filter the TaskFilter argument as GraphQL coerced it: enum values are Strings, Date
     *               values are LocalDate, lists are Lists; fields the caller omitted are absent
     * @param asOf   the as-of date of the query (never null)
     */
    Predicate toPredicate(Map<String, Object> filter, Root<Task> task, CriteriaQuery<?> query, CriteriaBuilder cb,
            LocalDate asOf);
}
