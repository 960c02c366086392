package vn.tracker.indicator;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TargetRepository extends JpaRepository<Target, Long> {

    List<Target> findByIndicatorIdIn(Collection<Long> indicatorIds);

    List<Target> findByIndicatorId(Long indicatorId);
}
