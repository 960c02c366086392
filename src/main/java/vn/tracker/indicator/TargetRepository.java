package vn.tracker.indicator;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TargetRepository extends JpaRepository<Target, Long> {

    List<Target> findByIndicatorIdIn(Collection<Long> indicatorIds);

    List<Target> findByIndicatorId(Long indicatorId);

    /** Targets that apply everywhere (no agency), with their indicator: the key indicators. */
    @Query("select t from Target t join fetch t.indicator i where t.agency is null order by i.code, t.period")
    List<Target> findGeneralTargetsWithIndicator();
}
