package vn.tracker.task;

import java.util.List;
import vn.tracker.agency.Agency;
import vn.tracker.annotation.Annotation;
import vn.tracker.directive.Directive;
import vn.tracker.review.RiskReason;

/**
 * One row of the console's task list: the task, its health and why, its latest reason, and whether
 * the signed-in user may add a reason from the row.
 */
public record TaskListRow(Task task, Agency leadAgency, Directive directive, TaskHealth health,
        List<RiskReason> reasons, Annotation latestAnnotation, boolean annotatable) {
}
