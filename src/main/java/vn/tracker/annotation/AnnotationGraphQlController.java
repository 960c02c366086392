package vn.tracker.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.hibernate.Hibernate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.Cursor;
import vn.tracker.common.PageRequest;
import vn.tracker.common.Payloads;
import vn.tracker.task.Task;

/** Annotation queries, nested fields (batched) and mutations. */
@Controller
class AnnotationGraphQlController {

    /** DataLoader key for Task.annotations: the page arguments travel with the task. */
    record PageKey(Task task, int first, long beforeId, boolean openOnly, String after) {
    }

    private final AnnotationService annotations;
    private final ReasonCategoryService categories;

    AnnotationGraphQlController(AnnotationService annotations, ReasonCategoryService categories,
            BatchLoaderRegistry registry) {
        this.annotations = annotations;
        this.categories = categories;
        registry.forTypePair(PageKey.class, Connection.class).registerMappedBatchLoader((keys, env) -> {
            Map<String, List<PageKey>> byArgs = new LinkedHashMap<>();
            keys.forEach(k -> byArgs.computeIfAbsent(k.first() + "|" + k.beforeId() + "|" + k.openOnly(),
                    x -> new ArrayList<>()).add(k));
            Map<PageKey, Connection> result = new HashMap<>();
            byArgs.values().forEach(group -> {
                PageKey sample = group.get(0);
                Map<Long, List<Annotation>> loaded = annotations.forTasks(
                        group.stream().map(k -> k.task().getId()).distinct().toList(), sample.beforeId(),
                        sample.openOnly());
                for (PageKey k : group) {
                    List<Annotation> rows = loaded.getOrDefault(k.task().getId(), List.of());
                    PageRequest page = new PageRequest(k.first(), k.after());
                    int total = rows.size();
                    List<Annotation> plusOne = rows.subList(0, Math.min(rows.size(), k.first() + 1));
                    result.put(k, Connection.of(plusOne, page, a -> Cursor.encodeId(a.getId()), () -> total));
                }
            });
            return Mono.just(result);
        });
    }

    @QueryMapping
    List<ReasonCategory> reasonCategories(@Argument Boolean includeInactive) {
        return categories.list(Boolean.TRUE.equals(includeInactive));
    }

    @QueryMapping
    Annotation annotation(@Argument String id) {
        return annotations.byId(parseId(id));
    }

    @BatchMapping(typeName = "Task")
    Map<Task, Annotation> latestAnnotation(List<Task> batch) {
        Map<Long, Annotation> latest = annotations.latestFor(batch.stream().map(Task::getId).toList());
        Map<Task, Annotation> result = new LinkedHashMap<>();
        batch.forEach(t -> result.put(t, latest.get(t.getId())));
        return result;
    }

    @SchemaMapping(typeName = "Task")
    @SuppressWarnings("unchecked")
    CompletableFuture<Connection<Annotation>> annotations(Task task, @Argument Integer first, @Argument String after,
            @Argument Boolean openOnly, DataLoader<PageKey, Connection> pages) {
        PageRequest page = PageRequest.of(first, after);
        long beforeId = after == null ? Long.MAX_VALUE : Cursor.decodeId(after);
        return pages.load(new PageKey(task, page.first(), beforeId, Boolean.TRUE.equals(openOnly), after))
                .thenApply(c -> (Connection<Annotation>) c);
    }

    @BatchMapping
    Map<Annotation, Task> task(List<Annotation> batch) {
        Map<Long, Task> loaded = annotations.tasksOf(Batches.referencedIds(batch, Annotation::getTask, Task::getId));
        return Batches.mapReferences(batch, Annotation::getTask, Task::getId, loaded);
    }

    @BatchMapping
    Map<Annotation, ReasonCategory> category(List<Annotation> batch) {
        // Annotation queries fetch their category in the same statement; only lazy ones need a lookup.
        if (batch.stream().allMatch(a -> Hibernate.isInitialized(a.getCategory()))) {
            Map<Annotation, ReasonCategory> fetched = new LinkedHashMap<>();
            batch.forEach(a -> fetched.put(a, a.getCategory()));
            return fetched;
        }
        Map<Long, ReasonCategory> loaded = annotations.categoriesById(
                Batches.referencedIds(batch, Annotation::getCategory, ReasonCategory::getId));
        return Batches.mapReferences(batch, Annotation::getCategory, ReasonCategory::getId, loaded);
    }

    @BatchMapping
    Map<Annotation, List<AnnotationRevision>> history(List<Annotation> batch) {
        Map<Long, List<AnnotationRevision>> loaded = annotations.historyOf(batch.stream().map(Annotation::getId).toList());
        Map<Annotation, List<AnnotationRevision>> result = new LinkedHashMap<>();
        batch.forEach(a -> result.put(a, loaded.getOrDefault(a.getId(), List.of())));
        return result;
    }

    @SchemaMapping
    String id(Annotation annotation) {
        return String.valueOf(annotation.getId());
    }

    /** IDs are the numeric keys as strings; anything else names no annotation. */
    private static Long parseId(String id) {
        try {
            return id == null ? null : Long.valueOf(id.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    @MutationMapping
    Map<String, Object> annotateTask(@Argument String code, @Argument String province, @Argument String category,
            @Argument String text, @Argument Boolean blocking, @Argument Boolean raisesRisk) {
        return Payloads.of("annotation", () -> annotations.annotate(
                new AnnotationService.AnnotateCommand(code, province, category, text, blocking, raisesRisk)));
    }

    @MutationMapping
    Map<String, Object> editAnnotation(@Argument String id, @Argument String category, @Argument String text,
            @Argument Boolean blocking, @Argument Boolean raisesRisk, @Argument Long expectedVersion) {
        return Payloads.of("annotation", () -> annotations.edit(
                new AnnotationService.EditCommand(parseId(id), category, text, blocking, raisesRisk, expectedVersion)));
    }

    @MutationMapping
    Map<String, Object> resolveAnnotation(@Argument String id, @Argument String resolution,
            @Argument Long expectedVersion) {
        return Payloads.of("annotation", () -> annotations.resolve(parseId(id), resolution, expectedVersion));
    }

    @MutationMapping
    Map<String, Object> saveReasonCategory(@Argument String code, @Argument String nameVi, @Argument String nameEn,
            @Argument Integer sortOrder, @Argument Boolean active, @Argument Long expectedVersion) {
        return Payloads.of("category", () -> categories.save(
                new ReasonCategoryService.SaveCommand(code, nameVi, nameEn, sortOrder, active, expectedVersion)));
    }
}
