package vn.tracker.task;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Task counts by status and by health: "42 nhiệm vụ được giao, 38 hoàn thành, 4 đang thực hiện
 * trong hạn". Filled from SQL GROUP BY rows; this class only adds them up.
 */
public final class TaskCounts {

    public record StatusCount(TaskStatus status, long count) {
    }

    public record HealthCount(TaskHealth health, long count) {
    }

    private final Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
    private final Map<TaskHealth, Long> byHealth = new EnumMap<>(TaskHealth.class);

    void add(TaskStatus status, TaskHealth health, long count) {
        byStatus.merge(status, count, Long::sum);
        byHealth.merge(health, count, Long::sum);
    }

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long status(TaskStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long health(TaskHealth health) {
        return byHealth.getOrDefault(health, 0L);
    }

    public long completed() {
        return status(TaskStatus.COMPLETED);
    }

    public long inProgress() {
        return status(TaskStatus.IN_PROGRESS);
    }

    public long ongoing() {
        return status(TaskStatus.ONGOING);
    }

    public long notStarted() {
        return status(TaskStatus.NOT_STARTED);
    }

    public long cancelled() {
        return status(TaskStatus.CANCELLED);
    }

    public long overdue() {
        return health(TaskHealth.OVERDUE);
    }

    public long atRisk() {
        return health(TaskHealth.AT_RISK);
    }

    public long onTrack() {
        return health(TaskHealth.ON_TRACK);
    }

    public long done() {
        return health(TaskHealth.DONE);
    }

    /** Every status, zero when none. */
    public List<StatusCount> byStatus() {
        return Arrays.stream(TaskStatus.values()).map(s -> new StatusCount(s, status(s))).toList();
    }

    /** Every health, zero when none. */
    public List<HealthCount> byHealth() {
        return Arrays.stream(TaskHealth.values()).map(h -> new HealthCount(h, health(h))).toList();
    }
}
