package vn.tracker.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface IndicatorRepository extends JpaRepository<Indicator, Long>, JpaSpecificationExecutor<Indicator> {

    Optional<Indicator> findByCode(String code);

    List<Indicator> findByCodeIn(Collection<String> codes);
}
