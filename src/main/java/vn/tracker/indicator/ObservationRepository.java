package vn.tracker.indicator;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ObservationRepository extends JpaRepository<Observation, Long> {

    Optional<Observation> findByIndicatorIdAndAgencyIdAndPeriod(Long indicatorId, Long agencyId, String period);

    long countByIndicatorId(Long indicatorId);
}
