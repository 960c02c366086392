package vn.tracker.annotation;

import java.util.Collection;
import java.util.List;

/**
 * The annotation reads batch loaders run for a page of tasks, each one statement for the whole
 * batch, with the ids bound through {@link vn.tracker.common.IdListQuery} so Hibernate keeps
 * their translation (a Spring Data fragment: callers see them on {@link AnnotationRepository}).
 */
public interface AnnotationBatchQueries {

    /** The newest annotation of each task in a batch, with its category. */
    List<Annotation> findLatestForTasks(Collection<Long> taskIds);

    /** All annotations of a batch of tasks older than {@code beforeId}, newest first per task, with categories. */
    List<Annotation> findForTasks(Collection<Long> taskIds, long beforeId, boolean openOnly);

    /** Tasks of a batch that have at least one open (unresolved) annotation: their reason is given. */
    List<Long> findTaskIdsWithOpenAnnotation(Collection<Long> taskIds);
}
