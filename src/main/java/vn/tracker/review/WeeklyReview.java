package vn.tracker.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.tracker.task.TaskHealth;
import vn.tracker.task.TaskStatus;

/**
 * The working group's weekly list ("giao ban tuần kiểm đếm các nhiệm vụ có nguy cơ chậm tiến độ") as
 * an object graph: overdue and at-risk tasks grouped by lead agency with their reasons and latest
 * annotation, totals, the changes since the previous closed review, and the tasks that owe a reason.
 * A closed review is stored as exactly this graph, so a past week reads back unchanged.
 *
 * @param week            ISO week of the as-of date (2026-W02)
 * @param closed          true when read back from a closed review's snapshot
 * @param previousAsOf    as-of date of the closed review the changes compare with, if any
 * @param unexplained     overdue or at-risk tasks without an open annotation ("chưa giải trình lý do")
 */
public record WeeklyReview(LocalDate asOf, String week, boolean closed, String closedBy, Instant closedAt,
        Totals totals, List<AgencyGroup> groups, List<Item> unexplained, Changes changes, LocalDate previousAsOf) {

    /** Counts over the whole scope (duplicates counted once). */
    public record Totals(int overdue, int atRisk, int unexplained, int tasks, int done, int onTrack) {
        public int flagged() {
            return overdue + atRisk;
        }
    }

    /** One lead agency's red and amber tasks, overdue first. */
    public record AgencyGroup(String agencyCode, String agencyName, int overdue, int atRisk, int unexplained,
            List<Item> items) {
    }

    /** A task on the list, as it stood on the as-of date. */
    public record Item(Long taskId, String code, String province, String title, String directiveCode,
            String leadAgencyCode, String leadAgencyName, LocalDate dueOn, String dueText, TaskStatus status,
            int progress, String result, TaskHealth health, DeadlineStatus deadlineStatus, List<RiskReason> reasons,
            Note latestAnnotation, boolean explained, List<String> programs) {
    }

    /** The latest annotation of a task, copied so a snapshot keeps the words of that week. */
    public record Note(Long id, String categoryCode, String categoryName, String text, boolean blocking,
            boolean raisesRisk, boolean resolved, String createdBy, Instant createdAt) {
    }

    /** What moved since the previous closed review. */
    public record Changes(List<Change> newlyOverdue, List<Change> newlyAtRisk, List<Change> backOnTrack,
            List<Change> completed) {
        public static final Changes NONE = new Changes(List.of(), List.of(), List.of(), List.of());
    }

    public record Change(Long taskId, String code, String province, String title, String leadAgencyCode,
            TaskHealth previousHealth, TaskHealth health) {
    }
}
