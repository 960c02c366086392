package vn.tracker.review;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import vn.tracker.task.Task;
import vn.tracker.task.TaskStatus;

/**
 * The four-way classification of Vietnamese government reports, as of a date, plus CANCELLED:
 * a task that will not be carried out ("không thực hiện") is neither on time nor late, so reports
 * leave it out of the four counts and it is counted on its own.
 * A completion date after the as-of date means the task was still open on that date; a completed
 * task without a completion date counts as completed on time (the reports state "Hoàn thành" only).
 */
public enum DeadlineStatus {
    /** Hoàn thành đúng hạn. */
    COMPLETED_ON_TIME,
    /** Hoàn thành quá hạn. */
    COMPLETED_LATE,
    /** Đang thực hiện trong hạn (also not started yet, standing work and tasks without a due date). */
    IN_PROGRESS_WITHIN_TERM,
    /** Quá hạn chưa hoàn thành. */
    OVERDUE,
    /** Không thực hiện: outside the four-way count. */
    CANCELLED;

    public static DeadlineStatus of(Task t, LocalDate asOf) {
        return of(t.getStatus(), t.getCompletedOn(), t.getDueOn(), asOf);
    }

    static DeadlineStatus of(TaskStatus status, LocalDate completed, LocalDate dueOn, LocalDate asOf) {
        if (status == TaskStatus.CANCELLED) {
            return CANCELLED;
        }
        if (status == TaskStatus.COMPLETED && (completed == null || !completed.isAfter(asOf))) {
            return completed == null || dueOn == null || !completed.isAfter(dueOn) ? COMPLETED_ON_TIME : COMPLETED_LATE;
        }
        return status != TaskStatus.ONGOING && dueOn != null && dueOn.isBefore(asOf) ? OVERDUE : IN_PROGRESS_WITHIN_TERM;
    }

    /** The same classification as a SQL predicate (never UNKNOWN: nullable columns are guarded). */
    public Predicate predicate(Root<Task> task, CriteriaBuilder cb, LocalDate asOf) {
        Expression<TaskStatus> status = task.get("status");
        Expression<LocalDate> completedOn = task.get("completedOn");
        Expression<LocalDate> dueOn = task.get("dueOn");
        Predicate completedByAsOf = cb.and(cb.equal(status, TaskStatus.COMPLETED),
                cb.or(cb.isNull(completedOn), cb.lessThanOrEqualTo(completedOn, asOf)));
        Predicate onTime = cb.or(cb.isNull(completedOn), cb.isNull(dueOn), cb.lessThanOrEqualTo(completedOn, dueOn));
        Predicate late = cb.and(cb.isNotNull(completedOn), cb.isNotNull(dueOn), cb.greaterThan(completedOn, dueOn));
        Predicate open = cb.and(cb.notEqual(status, TaskStatus.CANCELLED), cb.not(completedByAsOf));
        Predicate pastDue = cb.and(cb.notEqual(status, TaskStatus.ONGOING), cb.isNotNull(dueOn),
                cb.lessThan(dueOn, asOf));
        return switch (this) {
            case CANCELLED -> cb.equal(status, TaskStatus.CANCELLED);
            case COMPLETED_ON_TIME -> cb.and(completedByAsOf, onTime);
            case COMPLETED_LATE -> cb.and(completedByAsOf, late);
            case OVERDUE -> cb.and(open, pastDue);
            case IN_PROGRESS_WITHIN_TERM -> cb.and(open, cb.not(pastDue));
        };
    }
}
