package vn.tracker.task;

import java.time.LocalDate;

/**
 * The DESIGN.md rules that need nothing but the task itself: DONE, OVERDUE (due before the
 * as-of date; a task due today is not overdue; ongoing work is never overdue), else ON_TRACK.
 */
public final class BasicHealth {

    private BasicHealth() {
    }

    public static TaskHealth of(Task task, LocalDate asOf) {
        if (task.getStatus().isDone()) {
            return TaskHealth.DONE;
        }
        if (task.getStatus() != TaskStatus.ONGOING && task.getDueOn() != null && task.getDueOn().isBefore(asOf)) {
            return TaskHealth.OVERDUE;
        }
        return TaskHealth.ON_TRACK;
    }
}
