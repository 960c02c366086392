package vn.tracker.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskRepository extends JpaRepository<Task, Long> {

    Optional<Task> findByProvinceCodeAndCode(String provinceCode, String code);

    List<Task> findByCode(String code);

    List<Task> findByProvinceCodeAndCodeIn(String provinceCode, Collection<String> codes);

    List<Task> findByIdGreaterThanOrderByIdAsc(long afterId, Pageable page);

    List<Task> findByPilotModelIdIn(Collection<Long> pilotModelIds);
}
