package vn.tracker.annotation;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import vn.tracker.common.IdListQuery;

class AnnotationBatchQueriesImpl implements AnnotationBatchQueries {

    private final EntityManager em;

    AnnotationBatchQueriesImpl(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Annotation> findLatestForTasks(Collection<Long> taskIds) {
        return IdListQuery.list(em, """
                select a from Annotation a join fetch a.category
                where a.task.id in (:ids)
                  and a.id = (select max(b.id) from Annotation b where b.task.id = a.task.id)""",
                Annotation.class, taskIds);
    }

    @Override
    public List<Annotation> findForTasks(Collection<Long> taskIds, long beforeId, boolean openOnly) {
        return IdListQuery.list(em, """
                select a from Annotation a join fetch a.category
                where a.task.id in (:ids) and a.id < :beforeId and (:openOnly = false or a.resolved = false)
                order by a.task.id, a.id desc""",
                Annotation.class, taskIds, "beforeId", beforeId, "openOnly", openOnly);
    }

    @Override
    public List<Long> findTaskIdsWithOpenAnnotation(Collection<Long> taskIds) {
        return IdListQuery.list(em,
                "select distinct a.task.id from Annotation a where a.task.id in (:ids) and a.resolved = false",
                Long.class, taskIds);
    }
}
