package vn.tracker.annotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.common.Batches;
import vn.tracker.common.ConflictException;
import vn.tracker.common.InputErrors;
import vn.tracker.common.NotFoundException;
import vn.tracker.security.CurrentActor;
import vn.tracker.security.Permissions;
import vn.tracker.task.Task;
import vn.tracker.task.TaskService;

/**
 * Reasons for delay (lý do, điểm nghẽn): annotate a task, edit with history, resolve. An annotation
 * with {@code raisesRisk} is how a person raises a task to AT_RISK; resolving it only withdraws that
 * raise, the computed rules still apply (nobody lowers computed health by hand). Every change goes
 * through {@link Permissions#requireAnnotate}: the working group annotates any task, reporters their
 * agency's tasks, viewers never.
 */
@Service
@Transactional(readOnly = true)
public class AnnotationService {

    static final int MAX_TEXT = 4000;

    private final AnnotationRepository annotations;
    private final AnnotationRevisionRepository revisions;
    private final ReasonCategoryRepository categories;
    private final TaskService tasks;
    private final Permissions permissions;

    AnnotationService(AnnotationRepository annotations, AnnotationRevisionRepository revisions,
            ReasonCategoryRepository categories, TaskService tasks, Permissions permissions) {
        this.annotations = annotations;
        this.revisions = revisions;
        this.categories = categories;
        this.tasks = tasks;
        this.permissions = permissions;
    }

    public record AnnotateCommand(String code, String province, String category, String text, Boolean blocking,
            Boolean raisesRisk) {
    }

    public record EditCommand(Long id, String category, String text, Boolean blocking, Boolean raisesRisk,
            Long expectedVersion) {
    }

    @Transactional
    public Annotation annotate(AnnotateCommand cmd) {
        InputErrors errors = new InputErrors();
        errors.requireText("code", cmd.code(), 80);
        errors.requireText("text", cmd.text(), MAX_TEXT);
        errors.requireText("category", cmd.category(), 40);
        errors.throwIfAny();
        Task task = tasks.byCode(cmd.code(), cmd.province());
        if (task == null) {
            throw new NotFoundException("code", "Không tìm thấy nhiệm vụ '" + cmd.code() + "' / task not found");
        }
        permissions.requireAnnotate(task.getLeadAgency().getId());
        ReasonCategory category = activeCategory(cmd.category());
        boolean raises = Boolean.TRUE.equals(cmd.raisesRisk());
        if (raises && task.getStatus().isDone()) {
            new InputErrors().add("raisesRisk", "Nhiệm vụ đã hoàn thành hoặc không thực hiện, không thể đánh dấu có nguy cơ"
                    + " / a done or cancelled task cannot be marked at risk").throwIfAny();
        }
        Annotation a = new Annotation(task, category, cmd.text().strip(), Boolean.TRUE.equals(cmd.blocking()),
                CurrentActor.name());
        a.setRaisesRisk(raises);
        return annotations.save(a);
    }

    @Transactional
    public Annotation edit(EditCommand cmd) {
        Annotation a = existing(cmd.id());
        permissions.requireAnnotate(a.getTask().getLeadAgency().getId());
        ConflictException.requireVersion(cmd.expectedVersion(), a.getVersion());
        if (a.isResolved()) {
            throw new ConflictException("id", "Lý do đã được xử lý, không sửa được / a resolved annotation is not edited");
        }
        InputErrors errors = new InputErrors();
        if (cmd.text() != null) {
            errors.requireText("text", cmd.text(), MAX_TEXT);
        }
        errors.check(cmd.category() != null || cmd.text() != null || cmd.blocking() != null || cmd.raisesRisk() != null,
                "id", "Không có gì để sửa / nothing to change");
        if (Boolean.TRUE.equals(cmd.raisesRisk()) && a.getTask().getStatus().isDone()) {
            errors.add("raisesRisk", "Nhiệm vụ đã hoàn thành hoặc không thực hiện / the task is done or cancelled");
        }
        errors.throwIfAny();
        ReasonCategory category = cmd.category() == null ? a.getCategory() : activeCategory(cmd.category());
        revisions.save(AnnotationRevision.of(a, CurrentActor.name()));
        a.setCategory(category);
        if (cmd.text() != null) {
            a.setText(cmd.text().strip());
        }
        if (cmd.blocking() != null) {
            a.setBlocking(cmd.blocking());
        }
        if (cmd.raisesRisk() != null) {
            a.setRaisesRisk(cmd.raisesRisk());
        }
        return annotations.saveAndFlush(a);
    }

    @Transactional
    public Annotation resolve(Long id, String resolution, Long expectedVersion) {
        Annotation a = existing(id);
        permissions.requireAnnotate(a.getTask().getLeadAgency().getId());
        ConflictException.requireVersion(expectedVersion, a.getVersion());
        new InputErrors().requireText("resolution", resolution, MAX_TEXT).throwIfAny();
        if (a.isResolved()) {
            throw new ConflictException("id", "Lý do đã được xử lý / already resolved");
        }
        a.resolve(resolution.strip(), CurrentActor.name());
        return annotations.saveAndFlush(a);
    }

    public Annotation byId(Long id) {
        return annotations.findById(id).orElse(null);
    }

    /** Newest annotation of each task (open or resolved), one statement. */
    public Map<Long, Annotation> latestFor(Collection<Long> taskIds) {
        Map<Long, Annotation> result = new LinkedHashMap<>();
        if (!taskIds.isEmpty()) {
            annotations.findLatestForTasks(taskIds).forEach(a -> result.put(a.getTask().getId(), a));
        }
        return result;
    }

    /**
     * Lead agencies (of the given ones) whose tasks the current user may annotate: the same rule
     * {@link #annotate} enforces, for a whole list at once.
     */
    public java.util.Set<Long> annotatableLeadAgencies(Collection<Long> leadAgencyIds) {
        return permissions.annotatable(leadAgencyIds);
    }

    /** Annotations of each task, newest first, older than the given id (one statement). */
    public Map<Long, List<Annotation>> forTasks(Collection<Long> taskIds, long beforeId, boolean openOnly) {
        Map<Long, List<Annotation>> result = new LinkedHashMap<>();
        if (!taskIds.isEmpty()) {
            annotations.findForTasks(taskIds, beforeId, openOnly)
                    .forEach(a -> result.computeIfAbsent(a.getTask().getId(), k -> new ArrayList<>()).add(a));
        }
        return result;
    }

    public Map<Long, List<AnnotationRevision>> historyOf(Collection<Long> annotationIds) {
        Map<Long, List<AnnotationRevision>> result = new LinkedHashMap<>();
        if (!annotationIds.isEmpty()) {
            revisions.findForAnnotations(annotationIds)
                    .forEach(r -> result.computeIfAbsent(r.getAnnotation().getId(), k -> new ArrayList<>()).add(r));
        }
        return result;
    }

    public Map<Long, Task> tasksOf(Collection<Long> taskIds) {
        return tasks.byIds(taskIds);
    }

    public Map<Long, ReasonCategory> categoriesById(Collection<Long> ids) {
        return Batches.indexById(categories.findAllById(ids), ReasonCategory::getId);
    }

    private Annotation existing(Long id) {
        if (id == null) {
            throw new NotFoundException("id", "Không tìm thấy lý do / annotation not found");
        }
        return annotations.findById(id)
                .orElseThrow(() -> new NotFoundException("id", "Không tìm thấy lý do / annotation not found"));
    }

    private ReasonCategory activeCategory(String code) {
        ReasonCategory c = categories.findByCode(code).orElseThrow(() -> new NotFoundException("category",
                "Không có nhóm lý do '" + code + "' / unknown reason category"));
        if (!c.isActive()) {
            new InputErrors().add("category", "Nhóm lý do '" + code + "' đã ngừng sử dụng / category is inactive")
                    .throwIfAny();
        }
        return c;
    }
}
