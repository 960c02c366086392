package vn.tracker.annotation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AnnotationRevisionRepository extends JpaRepository<AnnotationRevision, Long> {

    /** Earlier versions of a batch of annotations with their categories, oldest first. */
    @Query("select r from AnnotationRevision r join fetch r.category where r.annotation.id in :ids order by r.id")
    List<AnnotationRevision> findForAnnotations(Collection<Long> ids);
}
