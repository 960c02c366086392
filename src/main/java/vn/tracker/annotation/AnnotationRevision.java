package vn.tracker.annotation;

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

/** What an annotation said before an edit replaced it: nothing is overwritten silently. */
@Entity
@Table(name = "annotation_revision")
public class AnnotationRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "annotation_id", nullable = false)
    private Annotation annotation;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private ReasonCategory category;

    @Column(nullable = false, length = 4000)
    private String text;

    @Column(nullable = false)
    private boolean blocking;

    @Column(name = "raises_risk", nullable = false)
    private boolean raisesRisk;

    @Column(nullable = false)
    private long version;

    @Column(name = "replaced_by", nullable = false, length = 100)
    private String replacedBy;

    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    protected AnnotationRevision() {
    }

    static AnnotationRevision of(Annotation current, String replacedBy) {
        AnnotationRevision r = new AnnotationRevision();
        r.annotation = current;
        r.category = current.getCategory();
        r.text = current.getText();
        r.blocking = current.isBlocking();
        r.raisesRisk = current.isRaisesRisk();
        r.version = current.getVersion();
        r.replacedBy = replacedBy;
        r.replacedAt = Instant.now();
        return r;
    }

    public Long getId() {
        return id;
    }

    public Annotation getAnnotation() {
        return annotation;
    }

    public ReasonCategory getCategory() {
        return category;
    }

    public String getText() {
        return text;
    }

    public boolean isBlocking() {
        return blocking;
    }

    public boolean isRaisesRisk() {
        return raisesRisk;
    }

    public long getVersion() {
        return version;
    }

    public String getReplacedBy() {
        return replacedBy;
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }
}
