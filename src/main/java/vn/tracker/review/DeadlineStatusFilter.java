package vn.tracker.review;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.tracker.common.BadInputException;
import vn.tracker.task.Task;
import vn.tracker.task.TaskFilterContribution;

/** TaskFilter.deadlineStatus: the four-way classification (plus CANCELLED) as a SQL predicate. */
@Component
class DeadlineStatusFilter implements TaskFilterContribution {

    static final String FIELD = "deadlineStatus";

    @Override
    public Predicate toPredicate(Map<String, Object> filter, Root<Task> task, CriteriaQuery<?> query,
            CriteriaBuilder cb, LocalDate asOf) {
        if (filter == null || !(filter.get(FIELD) instanceof Collection<?> values)) {
            return null;
        }
        List<Predicate> any = values.stream().map(v -> status(v).predicate(task, cb, asOf)).toList();
        return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    }

    private static DeadlineStatus status(Object value) {
        try {
            return value instanceof DeadlineStatus s ? s : DeadlineStatus.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("filter.deadlineStatus", "Tình trạng thời hạn không hợp lệ / unknown deadline status");
        }
    }
}
