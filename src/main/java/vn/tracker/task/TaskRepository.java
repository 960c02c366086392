package vn.tracker.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TaskRepository extends JpaRepository<Task, Long> {

    Optional<Task> findByProvinceCodeAndCode(String provinceCode, String code);

    List<Task> findByCode(String code);

    List<Task> findByProvinceCodeAndCodeIn(String provinceCode, Collection<String> codes);

    List<Task> findByIdGreaterThanOrderByIdAsc(long afterId, Pageable page);

    List<Task> findByPilotModelIdIn(Collection<Long> pilotModelIds);

    /** (task id, agency) pairs for the coordinating agencies of a batch of tasks. */
    @Query("select t.id, a from Task t join t.coordinatingAgencies a where t.id in :ids order by a.code")
    List<Object[]> findCoordinatorsOf(Collection<Long> ids);

    /** (task id, person) pairs for the assignees of a batch of tasks. */
    @Query("select t.id, p from Task t join t.assignees p where t.id in :ids order by p.fullName")
    List<Object[]> findAssigneesOf(Collection<Long> ids);
}
