package vn.tracker.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.tracker.task.TaskHealth;

/** One red or amber task of a closed review, for comparing with the next week. */
@Entity
@Table(name = "weekly_review_item")
public class ClosedReviewItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "review_id", nullable = false)
    private Long reviewId;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Column(name = "task_code", nullable = false, length = 80)
    private String taskCode;

    @Column(name = "province_code", nullable = false, length = 20)
    private String provinceCode;

    @Column(name = "lead_agency_code", nullable = false, length = 60)
    private String leadAgencyCode;

    @Column(nullable = false, length = 500)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TaskHealth health;

    @Column(nullable = false)
    private boolean explained;

    protected ClosedReviewItem() {
    }

    ClosedReviewItem(Long reviewId, WeeklyReview.Item item) {
        this.reviewId = reviewId;
        this.taskId = item.taskId();
        this.taskCode = item.code();
        this.provinceCode = item.province();
        this.leadAgencyCode = item.leadAgencyCode();
        this.title = item.title().length() > 500 ? item.title().substring(0, 500) : item.title();
        this.health = item.health();
        this.explained = item.explained();
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getTaskCode() {
        return taskCode;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public String getLeadAgencyCode() {
        return leadAgencyCode;
    }

    public String getTitle() {
        return title;
    }

    public TaskHealth getHealth() {
        return health;
    }
}
