package vn.tracker.annotation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReasonCategoryRepository extends JpaRepository<ReasonCategory, Long> {

    Optional<ReasonCategory> findByCode(String code);

    List<ReasonCategory> findAllByOrderBySortOrderAsc();
}
