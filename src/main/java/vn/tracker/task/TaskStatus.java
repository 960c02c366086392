package vn.tracker.task;

/** The status someone reported (Trạng thái thực hiện). Health is derived from it, never typed in. */
public enum TaskStatus {
    /** Hoàn thành. */
    COMPLETED,
    /** Đang thực hiện. */
    IN_PROGRESS,
    /** Thực hiện thường xuyên: standing work, never overdue. */
    ONGOING,
    /** Chưa triển khai. */
    NOT_STARTED,
    /** Không thực hiện / dừng triển khai. */
    CANCELLED;

    public boolean isDone() {
        return this == COMPLETED || this == CANCELLED;
    }
}
