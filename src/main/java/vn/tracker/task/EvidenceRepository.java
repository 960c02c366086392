package vn.tracker.task;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByTaskIdInOrderByIdAsc(Collection<Long> taskIds);
}
