package vn.tracker.task;

import java.util.List;
import java.util.Map;
import vn.tracker.agency.Agency;
import vn.tracker.agency.Person;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.AnnotationRevision;
import vn.tracker.review.RiskReason;

/**
 * Everything the console's task page shows, loaded in one read-only transaction.
 *
 * @param annotationHistory earlier versions of each annotation (by annotation id), oldest first
 */
public record TaskDetail(Task task, TaskHealth health, List<RiskReason> reasons, List<Agency> coordinators,
        List<Person> assignees, List<Evidence> evidence, List<ProgressReport> progressReports,
        List<Annotation> annotations, Map<Long, List<AnnotationRevision>> annotationHistory) {

    /** Earlier versions of one annotation, newest first (what the reader asks first: what changed last). */
    public List<AnnotationRevision> historyOf(Annotation annotation) {
        List<AnnotationRevision> newestFirst = new java.util.ArrayList<>(
                annotationHistory.getOrDefault(annotation.getId(), List.of()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
