package vn.tracker.indicator;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ObservationRevisionRepository extends JpaRepository<ObservationRevision, Long> {

    long countByObservationId(Long observationId);
}
