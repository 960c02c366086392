package vn.tracker.review;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.tracker.common.IdListQuery;
import vn.tracker.task.Task;

/**
 * Loads the facts the health rules need for a batch of tasks: one statement for the open flagging
 * annotations, and one for program membership only when per-program thresholds are configured.
 */
@Component
class RiskFactsLoader {

    private final EntityManager em;

    RiskFactsLoader(EntityManager em) {
        this.em = em;
    }

    Map<Long, TaskRiskFacts> load(List<Task> tasks, boolean needPrograms) {
        List<Long> ids = tasks.stream().map(Task::getId).distinct().toList();
        Map<Long, TaskRiskFacts.OpenFlag> blocking = new HashMap<>();
        Map<Long, TaskRiskFacts.OpenFlag> raised = new HashMap<>();
        Map<Long, Set<String>> programs = new HashMap<>();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = IdListQuery.list(em, """
                select a.task.id, a.blocking, a.raisesRisk, c.code, a.text
                from Annotation a join a.category c
                where a.task.id in (:ids) and a.resolved = false and (a.blocking = true or a.raisesRisk = true)
                order by a.id desc""", Object[].class, ids);
        for (Object[] row : rows) {
            TaskRiskFacts.OpenFlag flag = new TaskRiskFacts.OpenFlag((String) row[3], (String) row[4]);
            if ((Boolean) row[1]) {
                blocking.putIfAbsent((Long) row[0], flag);
            }
            if ((Boolean) row[2]) {
                raised.putIfAbsent((Long) row[0], flag);
            }
        }
        if (needPrograms) {
            IdListQuery.list(em, "select t.id, p.code from Task t join t.directive d join d.programs p where t.id in (:ids)",
                            Object[].class, ids)
                    .forEach(r -> programs.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add((String) r[1]));
        }
        Map<Long, TaskRiskFacts> result = new LinkedHashMap<>();
        for (Task t : tasks) {
            result.put(t.getId(), new TaskRiskFacts(t.getStatus(), t.getProgress(), t.getDueOn(), t.getCompletedOn(),
                    t.effectiveStart(), t.getLastReportOn(), blocking.get(t.getId()), raised.get(t.getId()),
                    programs.getOrDefault(t.getId(), Set.of())));
        }
        return result;
    }
}
