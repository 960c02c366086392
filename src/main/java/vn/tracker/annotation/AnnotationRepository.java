package vn.tracker.annotation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AnnotationRepository extends JpaRepository<Annotation, Long> {

    List<Annotation> findByTaskIdOrderByIdDesc(Long taskId);

    /** The newest annotation of each task in a batch, with its category, in one statement. */
    @Query("""
            select a from Annotation a join fetch a.category
            where a.task.id in :taskIds
              and a.id = (select max(b.id) from Annotation b where b.task.id = a.task.id)
            """)
    List<Annotation> findLatestForTasks(Collection<Long> taskIds);

    /** All annotations of a batch of tasks, newest first per task, with categories (one statement). */
    @Query("""
            select a from Annotation a join fetch a.category
            where a.task.id in :taskIds and a.id < :beforeId and (:openOnly = false or a.resolved = false)
            order by a.task.id, a.id desc
            """)
    List<Annotation> findForTasks(Collection<Long> taskIds, long beforeId, boolean openOnly);

    /** Tasks of a batch that have at least one open (unresolved) annotation: their reason is given. */
    @Query("select distinct a.task.id from Annotation a where a.task.id in :taskIds and a.resolved = false")
    List<Long> findTaskIdsWithOpenAnnotation(Collection<Long> taskIds);
}
