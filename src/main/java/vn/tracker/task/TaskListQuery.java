package vn.tracker.task;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyService;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.AnnotationService;
import vn.tracker.common.NotFoundException;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.PageRequest;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveService;
import vn.tracker.review.FullTaskHealthPolicy;
import vn.tracker.review.HealthAssessment;

/**
 * One page of the console's task list with everything a row shows, through the API's services
 * (TaskSearch filters, orders and pages in SQL; TaskStatsService counts per health; the health
 * engine gives the reasons), in a constant number of statements whatever the page size.
 */
@Component
@Transactional(readOnly = true)
class TaskListQuery {

    static final int PAGE_SIZE = 20;

    private final TaskSearch search;
    private final TaskStatsService stats;
    private final FullTaskHealthPolicy health;
    private final AgencyService agencies;
    private final DirectiveService directives;
    private final AnnotationService annotations;
    private final TaskService tasks;

    TaskListQuery(TaskSearch search, TaskStatsService stats, FullTaskHealthPolicy health, AgencyService agencies,
            DirectiveService directives, AnnotationService annotations, TaskService tasks) {
        this.tasks = tasks;
        this.search = search;
        this.stats = stats;
        this.health = health;
        this.agencies = agencies;
        this.directives = directives;
        this.annotations = annotations;
    }

    TaskListPage page(TaskListForm form, LocalDate asOf) {
        Connection<Task> found = search.search(filter(form, form.health()), Map.of(), order(form.sort()),
                PageRequest.of(PAGE_SIZE, form.after()), asOf);
        int first = form.start() == null || form.after() == null ? 1 : form.start();
        return new TaskListPage(rows(found.nodes(), asOf), countsByHealth(form, asOf), found.totalCount(), first,
                found.pageInfo().hasNextPage() ? found.pageInfo().endCursor() : null, form.after() != null);
    }

    /** Counts per health of the whole filtered list (the health filter itself left out). */
    Map<TaskHealth, Long> countsByHealth(TaskListForm form, LocalDate asOf) {
        TaskCounts counts = stats.stats(filter(form, null), Map.of(), List.of(), asOf).total();
        Map<TaskHealth, Long> byHealth = new EnumMap<>(TaskHealth.class);
        for (TaskHealth h : TaskHealth.values()) {
            byHealth.put(h, counts.health(h));
        }
        return byHealth;
    }

    /** The row of one task, as the list shows it (the answer to an inline annotation). */
    TaskListRow row(String code, String province, LocalDate asOf) {
        Task task = tasks.byCode(code, province);
        if (task == null) {
            throw NotFoundException.of("nhiệm vụ", code);
        }
        return rows(List.of(task), asOf).get(0);
    }

    private List<TaskListRow> rows(List<Task> tasks, LocalDate asOf) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<Long, HealthAssessment> assessed = health.assess(tasks, asOf);
        Map<Long, Agency> leads = agencies.byIds(Batches.referencedIds(tasks, Task::getLeadAgency, Agency::getId));
        Map<Long, Directive> directiveById = directives.byIds(
                Batches.referencedIds(tasks, Task::getDirective, Directive::getId));
        Map<Long, Annotation> latest = annotations.latestFor(tasks.stream().map(Task::getId).toList());
        Set<Long> annotatable = annotations.annotatableLeadAgencies(leads.keySet());
        return tasks.stream().map(t -> {
            HealthAssessment a = assessed.get(t.getId());
            return new TaskListRow(t, leads.get(t.getLeadAgency().getId()),
                    t.getDirective() == null ? null : directiveById.get(t.getDirective().getId()),
                    a.health(), a.reasons(), latest.get(t.getId()), annotatable.contains(t.getLeadAgency().getId()));
        }).toList();
    }

    /** The console's filters in the API's terms; health null leaves health out (for the counts). */
    static TaskFilter filter(TaskListForm form, List<TaskHealth> health) {
        return new TaskFilter(nullIfEmpty(form.status()), health == null ? null : nullIfEmpty(health),
                form.agency() == null ? null : List.of(form.agency()), null, form.includeSubAgencies(),
                form.directive() == null ? null : List.of(form.directive()), null,
                form.program() == null ? null : List.of(form.program()), null, form.dueFrom(), form.dueTo(), null,
                form.province(), form.q());
    }

    static TaskOrder order(String sort) {
        return switch (sort) {
            case "due" -> new TaskOrder(TaskOrder.Field.DUE_ON, TaskOrder.Direction.ASC);
            case "-due" -> new TaskOrder(TaskOrder.Field.DUE_ON, TaskOrder.Direction.DESC);
            case "code" -> new TaskOrder(TaskOrder.Field.CODE, TaskOrder.Direction.ASC);
            case "-updated" -> new TaskOrder(TaskOrder.Field.UPDATED_AT, TaskOrder.Direction.DESC);
            default -> new TaskOrder(TaskOrder.Field.HEALTH_SEVERITY, TaskOrder.Direction.ASC);
        };
    }

    private static <T> List<T> nullIfEmpty(List<T> values) {
        return values == null || values.isEmpty() ? null : values;
    }
}
