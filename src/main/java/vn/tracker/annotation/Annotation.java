package vn.tracker.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.tracker.common.BaseEntity;
import vn.tracker.task.Task;

/** Why a task is late or at risk: a categorised reason, possibly blocking, open until resolved. */
@Entity
@Table(name = "annotation")
public class Annotation extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false)
    private Task task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private ReasonCategory category;

    @Column(nullable = false, length = 4000)
    private String text;

    @Column(nullable = false)
    private boolean blocking;

    /** A person raised the task to AT_RISK with this reason (health can be raised, never lowered). */
    @Column(name = "raises_risk", nullable = false)
    private boolean raisesRisk;

    @Column(nullable = false)
    private boolean resolved;

    @Column(length = 4000)
    private String resolution;

    @Column(name = "resolved_by", length = 100)
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    protected Annotation() {
    }

    public Annotation(Task task, ReasonCategory category, String text, boolean blocking, String createdBy) {
        this.task = task;
        this.category = category;
        this.text = text;
        this.blocking = blocking;
        this.createdBy = createdBy;
    }

    public void resolve(String resolution, String by) {
        this.resolved = true;
        this.resolution = resolution;
        this.resolvedBy = by;
        this.resolvedAt = Instant.now();
    }

    public Task getTask() {
        return task;
    }

    public ReasonCategory getCategory() {
        return category;
    }

    public void setCategory(ReasonCategory category) {
        this.category = category;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isBlocking() {
        return blocking;
    }

    public void setBlocking(boolean blocking) {
        this.blocking = blocking;
    }

    public boolean isRaisesRisk() {
        return raisesRisk;
    }

    public void setRaisesRisk(boolean raisesRisk) {
        this.raisesRisk = raisesRisk;
    }

    public boolean isResolved() {
        return resolved;
    }

    public String getResolution() {
        return resolution;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
