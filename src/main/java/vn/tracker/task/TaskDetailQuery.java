package vn.tracker.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.AnnotationRevision;
import vn.tracker.annotation.AnnotationService;
import vn.tracker.common.NotFoundException;
import vn.tracker.review.FullTaskHealthPolicy;
import vn.tracker.review.HealthAssessment;

/** Loads a task with its health, reasons and histories for the console's task page. */
@Component
@Transactional(readOnly = true)
class TaskDetailQuery {

    /** Newest progress reports shown on the page (the API pages through all of them). */
    static final int HISTORY_LIMIT = 50;

    private final TaskService tasks;
    private final FullTaskHealthPolicy health;
    private final ProgressReportRepository reports;
    private final AnnotationService annotations;

    TaskDetailQuery(TaskService tasks, FullTaskHealthPolicy health, ProgressReportRepository reports,
            AnnotationService annotations) {
        this.tasks = tasks;
        this.health = health;
        this.reports = reports;
        this.annotations = annotations;
    }

    TaskDetail load(String code, String province, LocalDate asOf) {
        Task task = tasks.byCode(code, province);
        if (task == null) {
            throw NotFoundException.of("nhiệm vụ", code);
        }
        // The page renders after the transaction ends (no open-session-in-view): load what it shows.
        Hibernate.initialize(task.getLeadAgency());
        Hibernate.initialize(task.getDirective());
        Hibernate.initialize(task.getPilotModel());
        Hibernate.initialize(task.getDuplicateOf());
        HealthAssessment assessment = health.assess(List.of(task), asOf).get(task.getId());
        List<Long> id = List.of(task.getId());
        // Every reason of the task, newest first, with categories; then what each said before its
        // edits (AnnotationRevision), all in two statements.
        List<Annotation> notes = annotations.forTasks(id, Long.MAX_VALUE, false).getOrDefault(task.getId(), List.of());
        Map<Long, List<AnnotationRevision>> history = annotations.historyOf(notes.stream().map(Annotation::getId).toList());
        return new TaskDetail(task, assessment.health(), assessment.reasons(),
                tasks.coordinatorsOf(id).getOrDefault(task.getId(), List.of()),
                tasks.assigneesOf(id).getOrDefault(task.getId(), List.of()),
                tasks.evidenceOf(id).getOrDefault(task.getId(), List.of()),
                reports.findByTaskIdOrderByIdDesc(task.getId(),
                        org.springframework.data.domain.PageRequest.of(0, HISTORY_LIMIT)),
                notes, history);
    }
}
