package vn.tracker.review;

import java.time.LocalDate;
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
        final List<FlaggedTaskRow> rows = new ArrayList<>();

        Group(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }

    private final LocalDate asOf;
    private final ReviewLimits limits;
    private final Map<Long, WeeklyReview.Item> previous;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<FlaggedTaskRow> unexplainedRows = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    private final List<WeeklyReview.Change> newlyOverdue = new ArrayList<>();
    private final List<WeeklyReview.Change> newlyAtRisk = new ArrayList<>();
    private int unexplained;
    private int kept;

    /** @param previous the previous closed review's items by task id (empty when there is none) */
    FlaggedTaskTally(LocalDate asOf, ReviewLimits limits, Map<Long, WeeklyReview.Item> previous) {
        this.asOf = asOf;
        this.limits = limits;
        this.previous = previous;
    }

    void add(FlaggedTaskRow row) {
        Group g = groups.computeIfAbsent(row.leadAgencyCode(), k -> new Group(k, row.leadAgencyName()));
        boolean overdue = row.overdue(asOf);
        if (limits.keepInGroup(g.flagged, kept)) {
            g.rows.add(row);
            kept++;
        }
        g.flagged++;
        if (overdue) {
            g.overdue++;
        }
        if (!row.explained()) {
            if (limits.keepUnexplained(unexplained)) {
                unexplainedRows.add(row);
            }
            unexplained++;
            g.unexplained++;
        }
        if (!previous.isEmpty()) {
            compareWithPrevious(row, overdue);
        }
    }

    private void compareWithPrevious(FlaggedTaskRow row, boolean overdue) {
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

    private static WeeklyReview.Change change(FlaggedTaskRow r, TaskHealth before, TaskHealth now) {
        return new WeeklyReview.Change(r.id(), r.code(), r.province(), r.title(), r.leadAgencyCode(), before, now);
    }

    List<Group> groups() {
        return List.copyOf(groups.values());
    }

    List<FlaggedTaskRow> unexplainedRows() {
        return unexplainedRows;
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
