package vn.tracker.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Minh chứng: a document number or link that proves a result. */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false)
    private Task task;

    @Column(nullable = false, length = 1000)
    private String title;

    @Column(name = "document_number", length = 200)
    private String documentNumber;

    @Column(length = 2000)
    private String url;

    @Column(name = "dated_on")
    private LocalDate datedOn;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Evidence() {
    }

    public Evidence(Task task, String title, String documentNumber, String url, LocalDate datedOn, String createdBy) {
        this.task = task;
        this.title = title;
        this.documentNumber = documentNumber;
        this.url = url;
        this.datedOn = datedOn;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Task getTask() {
        return task;
    }

    public String getTitle() {
        return title;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getUrl() {
        return url;
    }

    public LocalDate getDatedOn() {
        return datedOn;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
