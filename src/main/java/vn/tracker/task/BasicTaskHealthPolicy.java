package vn.tracker.task;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * DONE / OVERDUE / ON_TRACK from the task row alone (see {@link BasicHealth}); no AT_RISK rules.
 * A fuller policy replaces it by being declared {@code @Primary}.
 */
@Component
class BasicTaskHealthPolicy implements TaskHealthPolicy {

    @Override
    public Map<Long, TaskHealth> evaluate(List<Task> tasks, LocalDate asOf) {
        Map<Long, TaskHealth> result = new LinkedHashMap<>();
        tasks.forEach(t -> result.put(t.getId(), BasicHealth.of(t, asOf)));
        return result;
    }

    @Override
    public Predicate matches(Root<Task> task, CriteriaQuery<?> query, CriteriaBuilder cb, Set<TaskHealth> healths,
            LocalDate asOf) {
        Expression<TaskStatus> status = task.get("status");
        Predicate done = status.in(TaskStatus.COMPLETED, TaskStatus.CANCELLED);
        Predicate overdue = cb.and(cb.not(done), cb.notEqual(status, TaskStatus.ONGOING),
                cb.lessThan(task.get("dueOn"), asOf));
        List<Predicate> any = new ArrayList<>();
        if (healths.contains(TaskHealth.DONE)) {
            any.add(done);
        }
        if (healths.contains(TaskHealth.OVERDUE)) {
            any.add(overdue);
        }
        if (healths.contains(TaskHealth.ON_TRACK)) {
            any.add(cb.and(cb.not(done), cb.not(overdue)));
        }
        return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    }
}
