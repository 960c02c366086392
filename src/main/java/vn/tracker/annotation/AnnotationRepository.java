package vn.tracker.annotation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AnnotationRepository extends JpaRepository<Annotation, Long>, AnnotationBatchQueries {

    List<Annotation> findByTaskIdOrderByIdDesc(Long taskId);
}
