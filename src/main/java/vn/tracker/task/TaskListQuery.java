package vn.tracker.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.AnnotationRepository;
import vn.tracker.common.Batches;
import vn.tracker.common.Cursor;
import vn.tracker.common.TextFolding;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveService;
import vn.tracker.review.FullTaskHealthPolicy;
import vn.tracker.review.HealthAssessment;
import vn.tracker.review.HealthQueries;
import vn.tracker.review.ReviewScope;

/**
 * Reads one page of the console's task list with everything a row shows, in a constant number of
 * statements: the tasks, their health and reasons (health engine), directives and latest
 * annotations in batches.
 */
@Component
@Transactional(readOnly = true)
class TaskListQuery {

    static final int PAGE_SIZE = 20;

    private final HealthQueries healthQueries;
    private final FullTaskHealthPolicy health;
    private final DirectiveService directives;
    private final AnnotationRepository annotations;

    TaskListQuery(HealthQueries healthQueries, FullTaskHealthPolicy health, DirectiveService directives,
            AnnotationRepository annotations) {
        this.healthQueries = healthQueries;
        this.health = health;
        this.directives = directives;
        this.annotations = annotations;
    }

    TaskListPage page(TaskListForm form, LocalDate asOf) {
        ReviewScope scope = new ReviewScope(null, form.agency() == null ? List.of() : List.of(form.agency()),
                form.program() == null ? List.of() : List.of(form.program()));
        // Bridge until the API's TaskFilter lands: the health engine selects by health, lead agency and
        // program in SQL; the remaining filters narrow that list here.
        Directive directive = form.directive() == null ? null : directives.byCode(form.directive());
        if (form.directive() != null && directive == null) {
            return empty(form);
        }
        List<Task> matching = healthQueries.tasksWithHealth(EnumSet.copyOf(form.health()), asOf, scope).stream()
                .filter(t -> form.status().isEmpty() || form.status().contains(t.getStatus()))
                .filter(t -> form.dueFrom() == null || t.getDueOn() != null && !t.getDueOn().isBefore(form.dueFrom()))
                .filter(t -> form.dueTo() == null || t.getDueOn() != null && !t.getDueOn().isAfter(form.dueTo()))
                .filter(t -> directive == null
                        || t.getDirective() != null && directive.getId().equals(t.getDirective().getId()))
                .filter(t -> form.q() == null
                        || TextFolding.foldAll(t.getCode(), t.getTitle(), t.getResult()).contains(TextFolding.fold(form.q())))
                .toList();
        Map<Long, HealthAssessment> assessed = health.assess(matching, asOf);
        List<Task> sorted = new ArrayList<>(matching);
        sorted.sort(order(form.sort(), assessed));
        int offset = form.after() == null ? 0 : (int) Cursor.decodeId(form.after());
        List<Task> rows = sorted.subList(Math.min(offset, sorted.size()), Math.min(offset + PAGE_SIZE, sorted.size()));
        String next = offset + PAGE_SIZE < sorted.size() ? Cursor.encodeId(offset + PAGE_SIZE) : null;

        Map<Long, Directive> directiveById = directives.byIds(
                Batches.referencedIds(rows, Task::getDirective, Directive::getId));
        Map<Long, Annotation> latest = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            annotations.findLatestForTasks(rows.stream().map(Task::getId).toList())
                    .forEach(a -> latest.put(a.getTask().getId(), a));
        }
        List<TaskListRow> result = rows.stream().map(t -> {
            HealthAssessment a = assessed.get(t.getId());
            return new TaskListRow(t, t.getDirective() == null ? null : directiveById.get(t.getDirective().getId()),
                    a.health(), a.reasons(), latest.get(t.getId()));
        }).toList();
        Map<TaskHealth, Long> counts = healthQueries.countByHealth(asOf, scope);
        return new TaskListPage(result, counts, sorted.size(), offset + 1, next, offset > 0);
    }

    private static TaskListPage empty(TaskListForm form) {
        Map<TaskHealth, Long> zero = new java.util.EnumMap<>(TaskHealth.class);
        for (TaskHealth h : TaskHealth.values()) {
            zero.put(h, 0L);
        }
        return new TaskListPage(List.of(), zero, 0, 1, null, false);
    }

    private static Comparator<Task> order(String sort, Map<Long, HealthAssessment> assessed) {
        Comparator<Task> byDue = Comparator.comparing(Task::getDueOn, Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Task> byCode = Comparator.comparing(Task::getCode);
        return switch (sort) {
            case "due" -> byDue.thenComparing(byCode);
            case "-due" -> byDue.reversed().thenComparing(byCode);
            case "code" -> byCode;
            case "-updated" -> Comparator.comparing(Task::getUpdatedAt, Comparator.reverseOrder()).thenComparing(byCode);
            default -> Comparator.<Task, Integer>comparing(t -> assessed.get(t.getId()).health().ordinal())
                    .thenComparing(byDue).thenComparing(byCode);
        };
    }
}
