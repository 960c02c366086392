package vn.tracker.review;

import java.time.LocalDate;
import java.util.Set;
import vn.tracker.task.TaskStatus;

/**
 * Everything the health rules read about one task: columns of the task row, the open annotations
 * that flag it, and its programs (for per-program thresholds). The SQL predicates read the same.
 *
 * @param start {@link vn.tracker.task.Task#effectiveStart()}: the start date, else the assigning directive's
 *              issued date, else the day the task was created (task.start_day)
 */
public record TaskRiskFacts(TaskStatus status, int progress, LocalDate dueOn, LocalDate completedOn,
        LocalDate start, LocalDate lastReportOn, OpenFlag blocking, OpenFlag raised, Set<String> programCodes) {

    /** The newest open annotation of a kind (blocking / raises risk), for the reason's detail. */
    public record OpenFlag(String categoryCode, String text) {
    }
}
