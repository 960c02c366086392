package vn.tracker.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.tracker.task.TaskHealth;

/**
 * Folds the flagged tasks, arriving in review order, into exact counts per lead agency and overall,
 * the changes against the previous closed review, and the rows within the limits (the only ones
 * that become items). Memory is bounded by the limits, not by the number of flagged tasks.
 */
final class FlaggedTaskTally {

    /** One lead agency's counts and kept rows. */
    static final class Group {
        final String code;
        final String name;
        int flagged;
        int overdue;
        int unexplained;
        final List<FlaggedTask> kept = new ArrayList<>();

        Group(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }

    private final ReviewLimits limits;
    private final Map<Long, WeeklyReview.Item> previous;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<FlaggedTask> unexplainedKept = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    private final List<WeeklyReview.Change> newlyOverdue = new ArrayList<>();
    private final List<WeeklyReview.Change> newlyAtRisk = new ArrayList<>();
    private int unexplained;
    private int kept;

    /** @param previous the previous closed review's items by task id (empty when there is none) */
    FlaggedTaskTally(ReviewLimits limits, Map<Long, WeeklyReview.Item> previous) {
        this.limits = limits;
        this.previous = previous;
    }

    void add(FlaggedTask row) {
        Group g = groups.computeIfAbsent(row.leadAgencyCode(), k -> new Group(k, row.leadAgencyName()));
        boolean overdue = row.overdue();
        if (limits.keepInGroup(g.flagged, kept)) {
            g.kept.add(row);
            kept++;
        }
        g.flagged++;
        if (overdue) {
            g.overdue++;
        }
        if (!row.explained()) {
            if (limits.keepUnexplained(unexplained)) {
                unexplainedKept.add(row);
            }
            unexplained++;
            g.unexplained++;
        }
        if (!previous.isEmpty()) {
            compareWithPrevious(row, overdue);
        }
    }

    private void compareWithPrevious(FlaggedTask row, boolean overdue) {
        seen.add(row.id());
        WeeklyReview.Item was = previous.get(row.id());
        TaskHealth before = was == null ? null : was.health();
        TaskHealth now = overdue ? TaskHealth.OVERDUE : TaskHealth.AT_RISK;
        if (now == TaskHealth.OVERDUE && before != TaskHealth.OVERDUE) {
            newlyOverdue.add(change(row, before, now));
        } else if (now == TaskHealth.AT_RISK && before == null) {
            newlyAtRisk.add(change(row, null, now));
        }
    }

    private static WeeklyReview.Change change(FlaggedTask r, TaskHealth before, TaskHealth now) {
        return new WeeklyReview.Change(r.id(), r.code(), r.province(), r.title(), r.leadAgencyCode(), before, now);
    }

    List<Group> groups() {
        return List.copyOf(groups.values());
    }

    List<FlaggedTask> unexplainedKept() {
        return unexplainedKept;
    }

    /** Ids of the tasks that become items (in a group or on the unexplained list). */
    java.util.Set<Long> keptIds() {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        groups.values().forEach(g -> g.kept.forEach(t -> ids.add(t.id())));
        unexplainedKept.forEach(t -> ids.add(t.id()));
        return ids;
    }

    int overdue() {
        return groups.values().stream().mapToInt(g -> g.overdue).sum();
    }

    int flagged() {
        return groups.values().stream().mapToInt(g -> g.flagged).sum();
    }

    int unexplained() {
        return unexplained;
    }

    List<WeeklyReview.Change> newlyOverdue() {
        return newlyOverdue;
    }

    List<WeeklyReview.Change> newlyAtRisk() {
        return newlyAtRisk;
    }

    /** Tasks on the previous review that are not flagged now (back on track, done, or gone). */
    List<Long> leftSincePrevious() {
        return previous.keySet().stream().filter(id -> !seen.contains(id)).toList();
    }
}
