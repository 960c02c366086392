package vn.tracker.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Batches Task.health: the policy may need statements (annotations, programs), so a page of tasks is
 * evaluated in one call per as-of date instead of one per task.
 */
@Component
class TaskHealthLoader {

    /** DataLoader key: the field takes asOf, so keys carry it and the loader groups by date. */
    record Key(Task task, LocalDate asOf) {
    }

    /** The DataLoader's name in each request's registry (what {@link TaskHealthField} asks for). */
    static final String NAME = TaskHealth.class.getName();

    TaskHealthLoader(BatchLoaderRegistry registry, TaskHealthPolicy policy) {
        registry.forTypePair(Key.class, TaskHealth.class).withName(NAME).registerMappedBatchLoader((keys, env) -> {
            Map<LocalDate, List<Key>> byDate = new LinkedHashMap<>();
            keys.forEach(k -> byDate.computeIfAbsent(k.asOf(), d -> new ArrayList<>()).add(k));
            Map<Key, TaskHealth> result = new HashMap<>();
            byDate.forEach((date, group) -> {
                Map<Long, TaskHealth> health = policy.evaluate(group.stream().map(Key::task).toList(), date);
                group.forEach(k -> result.put(k, health.get(k.task().getId())));
            });
            return Mono.just(result);
        });
    }
}
