package vn.tracker.review;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.task.Task;
import vn.tracker.task.TaskHealth;
import vn.tracker.task.TaskHealthPolicy;

/**
 * The health engine: DONE / OVERDUE / AT_RISK / ON_TRACK as of any date with every fired rule as a
 * {@link RiskReason}. Replaces the foundation's basic policy. Java evaluation ({@link HealthRules})
 * and SQL ({@link HealthPredicates}) state the same rules with the same thresholds.
 */
@Primary
@Component
public class FullTaskHealthPolicy implements TaskHealthPolicy {

    private final HealthProperties properties;
    private final RiskFactsLoader factsLoader;

    FullTaskHealthPolicy(HealthProperties properties, RiskFactsLoader factsLoader) {
        this.properties = properties;
        this.factsLoader = factsLoader;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, TaskHealth> evaluate(List<Task> tasks, LocalDate asOf) {
        Map<Long, TaskHealth> result = new LinkedHashMap<>();
        assess(tasks, asOf).forEach((id, a) -> result.put(id, a.health()));
        return result;
    }

    /** Health and reasons of a batch of tasks (at most two statements, whatever the batch size). */
    @Transactional(readOnly = true)
    public Map<Long, HealthAssessment> assess(List<Task> tasks, LocalDate asOf) {
        Map<String, HealthThresholds> programs = properties.programThresholds();
        HealthRules rules = new HealthRules(properties.defaults(), programs);
        Map<Long, HealthAssessment> result = new LinkedHashMap<>();
        if (tasks.isEmpty()) {
            return result;
        }
        factsLoader.load(tasks, !programs.isEmpty()).forEach((id, facts) -> result.put(id, rules.assess(facts, asOf)));
        return result;
    }

    /**
     * The rules with the configured thresholds, for facts already read (the weekly review reads them
     * with its own statement). Build once per batch: the program thresholds are rebuilt on each call.
     */
    HealthRules rules() {
        return new HealthRules(properties.defaults(), properties.programThresholds());
    }

    @Override
    public Predicate matches(Root<Task> task, CriteriaQuery<?> query, CriteriaBuilder cb, Set<TaskHealth> healths,
            LocalDate asOf) {
        return predicates(task, query, cb, asOf).healthIn(healths);
    }

    HealthPredicates predicates(Root<Task> task, CriteriaQuery<?> query, CriteriaBuilder cb, LocalDate asOf) {
        return new HealthPredicates(task, query, cb, asOf, properties.defaults(), properties.programThresholds());
    }
}
