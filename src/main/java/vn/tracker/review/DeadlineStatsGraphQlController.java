package vn.tracker.review;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.ObjectMapper;
import vn.tracker.task.TaskFilter;
import vn.tracker.task.TaskSearch;
import vn.tracker.task.TaskStats;

/**
 * TaskStats.byDeadlineStatus: how many of the tasks taskStats matched are completed on time,
 * completed late, in progress within term, overdue or cancelled, as of its date. One COUNT statement
 * per value through the API's own filter (so every TaskFilter field, contributed ones included,
 * applies), asked only when the field is selected.
 */
@Controller
class DeadlineStatsGraphQlController {

    record DeadlineStatusCount(DeadlineStatus deadlineStatus, long count) {
    }

    private final TaskSearch search;
    private final ObjectMapper json;

    DeadlineStatsGraphQlController(TaskSearch search, ObjectMapper json) {
        this.search = search;
        this.json = json;
    }

    @SchemaMapping(typeName = "TaskStats")
    List<DeadlineStatusCount> byDeadlineStatus(TaskStats stats, DataFetchingEnvironment env) {
        Object rawArg = env.getExecutionStepInfo().getParent().getArgument("filter");
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = rawArg instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                : new LinkedHashMap<>();
        Collection<?> asked = raw.get(DeadlineStatusFilter.FIELD) instanceof Collection<?> c ? c : null;
        Map<String, Object> forBinding = new LinkedHashMap<>(raw);
        forBinding.remove(DeadlineStatusFilter.FIELD);
        TaskFilter filter = forBinding.isEmpty() ? null : json.convertValue(forBinding, TaskFilter.class);
        List<DeadlineStatusCount> result = new ArrayList<>();
        for (DeadlineStatus s : DeadlineStatus.values()) {
            if (asked != null && asked.stream().noneMatch(v -> s.name().equals(String.valueOf(v)))) {
                result.add(new DeadlineStatusCount(s, 0));
                continue;
            }
            Map<String, Object> one = new LinkedHashMap<>(raw);
            one.put(DeadlineStatusFilter.FIELD, List.of(s.name()));
            result.add(new DeadlineStatusCount(s, search.count(filter, one, stats.asOf())));
        }
        return result;
    }
}
