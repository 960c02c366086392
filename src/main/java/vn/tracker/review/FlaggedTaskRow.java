package vn.tracker.review;

import java.time.LocalDate;
import java.util.Set;
import vn.tracker.task.TaskStatus;

/**
 * One overdue or at-risk task as the review's single statement returns it: the columns an item
 * shows, the facts the health rules read, its latest annotation and its newest open flagging ones.
 *
 * @param explained whether the task has an open (unresolved) annotation
 */
record FlaggedTaskRow(Long id, String code, String province, String title, Long directiveId, String directiveCode,
        String leadAgencyCode, String leadAgencyName, LocalDate dueOn, String dueText, TaskStatus status, int progress,
        String result, LocalDate completedOn, LocalDate start, LocalDate lastReportOn, WeeklyReview.Note latest,
        boolean explained, TaskRiskFacts.OpenFlag blocking, TaskRiskFacts.OpenFlag raised) {

    TaskRiskFacts facts(Set<String> programCodes) {
        return new TaskRiskFacts(status, progress, dueOn, completedOn, start, lastReportOn, blocking, raised,
                programCodes);
    }

    FlaggedTask key(LocalDate asOf) {
        return new FlaggedTask(id, code, province, title, leadAgencyCode, leadAgencyName,
                HealthRules.isOverdue(facts(Set.of()), asOf), explained);
    }

    DeadlineStatus deadlineStatus(LocalDate asOf) {
        return DeadlineStatus.of(status, completedOn, dueOn, asOf);
    }
}
