package vn.tracker.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClosedReviewRepository extends JpaRepository<ClosedReview, Long> {

    Optional<ClosedReview> findByWeek(String week);

    /** The latest review closed for a date before the given one. */
    @Query("select r from ClosedReview r where r.asOf < :asOf order by r.asOf desc")
    List<ClosedReview> findBefore(LocalDate asOf, Pageable page);

    List<ClosedReview> findAllByOrderByAsOfDesc(Pageable page);
}
