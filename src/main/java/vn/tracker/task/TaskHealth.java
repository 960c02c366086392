package vn.tracker.task;

/** Derived health of a task as of a date; never typed in. */
public enum TaskHealth {
    OVERDUE, AT_RISK, ON_TRACK, DONE
}
