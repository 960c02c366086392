package vn.tracker.task;

import java.time.LocalDate;
import java.util.List;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.AnnotationRepository;
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
    private final AnnotationRepository annotations;

    TaskDetailQuery(TaskService tasks, FullTaskHealthPolicy health, ProgressReportRepository reports,
            AnnotationRepository annotations) {
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
        List<Annotation> notes = annotations.findByTaskIdOrderByIdDesc(task.getId());
        notes.forEach(a -> Hibernate.initialize(a.getCategory()));
        return new TaskDetail(task, assessment.health(), assessment.reasons(),
                tasks.coordinatorsOf(id).getOrDefault(task.getId(), List.of()),
                tasks.assigneesOf(id).getOrDefault(task.getId(), List.of()),
                tasks.evidenceOf(id).getOrDefault(task.getId(), List.of()),
                reports.findByTaskIdOrderByIdDesc(task.getId(),
                        org.springframework.data.domain.PageRequest.of(0, HISTORY_LIMIT)),
                notes);
    }
}
