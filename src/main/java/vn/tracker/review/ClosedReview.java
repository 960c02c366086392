package vn.tracker.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A closed weekly review: the whole review as it was (JSON of {@link WeeklyReview}) plus its counts.
 * Never edited after closing. The items are also stored as rows ({@link ClosedReviewItem}) so the
 * next week's changes are computed by query.
 */
@Entity
@Table(name = "weekly_review")
public class ClosedReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "as_of", nullable = false)
    private LocalDate asOf;

    @Column(nullable = false, length = 10)
    private String week;

    @Column(name = "overdue_count", nullable = false)
    private int overdueCount;

    @Column(name = "at_risk_count", nullable = false)
    private int atRiskCount;

    @Column(name = "unexplained_count", nullable = false)
    private int unexplainedCount;

    @Column(nullable = false, columnDefinition = "longtext")
    private String snapshot;

    @Column(name = "closed_by", nullable = false, length = 100)
    private String closedBy;

    @Column(name = "closed_at", nullable = false)
    private Instant closedAt;

    protected ClosedReview() {
    }

    public ClosedReview(LocalDate asOf, String week, WeeklyReview.Totals totals, String snapshot, String closedBy,
            Instant closedAt) {
        this.asOf = asOf;
        this.week = week;
        this.overdueCount = totals.overdue();
        this.atRiskCount = totals.atRisk();
        this.unexplainedCount = totals.unexplained();
        this.snapshot = snapshot;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public String getWeek() {
        return week;
    }

    public String getSnapshot() {
        return snapshot;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
