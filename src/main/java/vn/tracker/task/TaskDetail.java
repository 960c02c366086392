package vn.tracker.task;

import java.util.List;
import vn.tracker.agency.Agency;
import vn.tracker.agency.Person;
import vn.tracker.annotation.Annotation;
import vn.tracker.review.RiskReason;

/** Everything the console's task page shows, loaded in one read-only transaction. */
public record TaskDetail(Task task, TaskHealth health, List<RiskReason> reasons, List<Agency> coordinators,
        List<Person> assignees, List<Evidence> evidence, List<ProgressReport> progressReports,
        List<Annotation> annotations) {
}
