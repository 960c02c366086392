package vn.tracker.task;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks per health as of a date, counted by the database with the active {@link TaskHealthPolicy}
 * predicate (so the full policy, once @Primary, is used unchanged). Used by the console overview
 * until the API's taskStats is available to it.
 */
@Component
@Transactional(readOnly = true)
public class TaskHealthCounts {

    private final EntityManager em;
    private final TaskHealthPolicy policy;

    TaskHealthCounts(EntityManager em, TaskHealthPolicy policy) {
        this.em = em;
        this.policy = policy;
    }

    public Map<TaskHealth, Long> asOf(LocalDate asOf) {
        Map<TaskHealth, Long> counts = new EnumMap<>(TaskHealth.class);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        for (TaskHealth health : TaskHealth.values()) {
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            Root<Task> task = query.from(Task.class);
            query.select(cb.count(task)).where(policy.matches(task, query, cb, Set.of(health), asOf));
            counts.put(health, em.createQuery(query).getSingleResult());
        }
        return counts;
    }
}
