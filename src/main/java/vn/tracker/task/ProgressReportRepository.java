package vn.tracker.task;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

    List<ProgressReport> findByTaskIdOrderByIdDesc(Long taskId, Pageable page);

    List<ProgressReport> findByTaskIdAndIdLessThanOrderByIdDesc(Long taskId, long beforeId, Pageable page);

    long countByTaskId(Long taskId);
}
