package vn.tracker.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One progress report: the history of a task's status, progress and result. Never edited. */
@Entity
@Table(name = "progress_report")
public class ProgressReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false)
    private Task task;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TaskStatus status;

    @Column(nullable = false)
    private int progress;

    @Column(columnDefinition = "text")
    private String result;

    /** The business date the report speaks for (as-of rules compare with it). */
    @Column(name = "reported_on", nullable = false)
    private LocalDate reportedOn;

    @Column(name = "reported_by", nullable = false, length = 100)
    private String reportedBy;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    protected ProgressReport() {
    }

    public ProgressReport(Task task, TaskStatus status, int progress, String result, LocalDate reportedOn,
            String reportedBy) {
        this.task = task;
        this.status = status;
        this.progress = progress;
        this.result = result;
        this.reportedOn = reportedOn;
        this.reportedBy = reportedBy;
        this.reportedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Task getTask() {
        return task;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public int getProgress() {
        return progress;
    }

    public String getResult() {
        return result;
    }

    public LocalDate getReportedOn() {
        return reportedOn;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }
}
