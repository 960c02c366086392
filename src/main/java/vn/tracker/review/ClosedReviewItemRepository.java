package vn.tracker.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClosedReviewItemRepository extends JpaRepository<ClosedReviewItem, Long> {

    List<ClosedReviewItem> findByReviewId(Long reviewId);
}
