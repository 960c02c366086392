package vn.tracker.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import vn.tracker.common.AsOfDates;
import vn.tracker.task.Task;

/** Task.riskReasons and Task.deadlineStatus. Reasons load through a DataLoader: one batch per date. */
@Controller
class RiskGraphQlController {

    private final AsOfDates asOfDates;

    RiskGraphQlController(AsOfDates asOfDates, FullTaskHealthPolicy policy, BatchLoaderRegistry registry) {
        this.asOfDates = asOfDates;
        registry.forTypePair(TaskAsOf.class, HealthAssessment.class).registerMappedBatchLoader((keys, env) -> {
            Map<LocalDate, List<TaskAsOf>> byDate = new LinkedHashMap<>();
            keys.forEach(k -> byDate.computeIfAbsent(k.asOf(), d -> new ArrayList<>()).add(k));
            Map<TaskAsOf, HealthAssessment> result = new HashMap<>();
            byDate.forEach((date, group) -> {
                Map<Long, HealthAssessment> assessed = policy.assess(group.stream().map(TaskAsOf::task).toList(), date);
                group.forEach(k -> result.put(k, assessed.get(k.task().getId())));
            });
            return Mono.just(result);
        });
    }

    @SchemaMapping(typeName = "Task")
    CompletableFuture<List<RiskReason>> riskReasons(Task task, @Argument LocalDate asOf,
            DataLoader<TaskAsOf, HealthAssessment> assessments) {
        return assessments.load(new TaskAsOf(task, asOfDates.orToday(asOf))).thenApply(HealthAssessment::reasons);
    }

    @SchemaMapping(typeName = "Task")
    DeadlineStatus deadlineStatus(Task task, @Argument LocalDate asOf) {
        return DeadlineStatus.of(task, asOfDates.orToday(asOf));
    }
}
