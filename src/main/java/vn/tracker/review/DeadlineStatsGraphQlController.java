package vn.tracker.review;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.task.TaskStats;
import vn.tracker.task.TaskStatsService;

/**
 * byDeadlineStatus of taskStats and of each of its groups: how many of the counted tasks are
 * completed on time, completed late, in progress within term, overdue or cancelled, as of the
 * stats' date. Counted in SQL over the same scope the stats counted (its filter, contributed fields
 * and the agency or directive it hangs off included): one statement for the total, one for all
 * groups of a stats (one per health value when grouped by HEALTH), asked only when selected.
 */
@Controller
class DeadlineStatsGraphQlController {

    record DeadlineStatusCount(DeadlineStatus deadlineStatus, long count) {
    }

    private static final List<DeadlineStatus> ALL = List.of(DeadlineStatus.values());
    private static final TaskStatsService.Classification<DeadlineStatus> IN_SQL = DeadlineStatus::predicate;

    private final TaskStatsService stats;

    DeadlineStatsGraphQlController(TaskStatsService stats) {
        this.stats = stats;
    }

    @SchemaMapping(typeName = "TaskStats", field = "byDeadlineStatus")
    List<DeadlineStatusCount> ofTotal(TaskStats taskStats) {
        return counts(stats.countTotal(taskStats.scope(), ALL, IN_SQL));
    }

    @BatchMapping(typeName = "TaskStatsGroup", field = "byDeadlineStatus")
    List<List<DeadlineStatusCount>> ofGroups(List<TaskStats.Group> groups) {
        // A request may hold several taskStats (e.g. one per agency in a list): one count per stats.
        Map<TaskStats.Scope, List<TaskStats.Group>> byScope = new IdentityHashMap<>();
        groups.forEach(g -> byScope.computeIfAbsent(g.scope(), s -> new ArrayList<>()).add(g));
        Map<TaskStats.Group, List<DeadlineStatusCount>> result = new IdentityHashMap<>();
        byScope.forEach((scope, ofScope) -> {
            List<Map<DeadlineStatus, Long>> counted = stats.countPerGroup(scope, ofScope, ALL, IN_SQL);
            for (int i = 0; i < ofScope.size(); i++) {
                result.put(ofScope.get(i), counts(counted.get(i)));
            }
        });
        return groups.stream().map(result::get).toList();
    }

    private static List<DeadlineStatusCount> counts(Map<DeadlineStatus, Long> byStatus) {
        return ALL.stream().map(s -> new DeadlineStatusCount(s, byStatus.getOrDefault(s, 0L))).toList();
    }
}
