package vn.tracker.task;

/** orderBy of task lists: a field and a direction; ties are broken by the task id, so order is total. */
public record TaskOrder(Field field, Direction direction) {

    public static final TaskOrder DEFAULT = new TaskOrder(Field.ID, Direction.ASC);

    public enum Field {
        /** Insertion order (stable). */
        ID,
        /** Effective due date; tasks without one come last in ascending order. */
        DUE_ON,
        /** Task code. */
        CODE,
        /** Last change. */
        UPDATED_AT,
        /** OVERDUE, AT_RISK, ON_TRACK, DONE (most severe first in ascending order), as of the date. */
        HEALTH_SEVERITY
    }

    public enum Direction {
        ASC, DESC
    }

    public static TaskOrder orDefault(TaskOrder order) {
        if (order == null) {
            return DEFAULT;
        }
        return new TaskOrder(order.field() == null ? Field.ID : order.field(),
                order.direction() == null ? Direction.ASC : order.direction());
    }
}
