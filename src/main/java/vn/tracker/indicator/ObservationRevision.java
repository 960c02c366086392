package vn.tracker.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A value an observation held before it was replaced: who recorded it, when, from which source. */
@Entity
@Table(name = "observation_revision")
public class ObservationRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "observation_id", nullable = false)
    private Observation observation;

    @Column(name = "obs_value", precision = 20, scale = 4)
    private BigDecimal value;

    @Column(precision = 20, scale = 4)
    private BigDecimal numerator;

    @Column(precision = 20, scale = 4)
    private BigDecimal denominator;

    @Column(name = "as_of", nullable = false)
    private LocalDate asOf;

    @Column(name = "source_doc", length = 200)
    private String sourceDoc;

    @Column(length = 2000)
    private String note;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "superseded_at", nullable = false)
    private Instant supersededAt;

    protected ObservationRevision() {
    }

    /** Snapshots the observation's current value before it is replaced. */
    public static ObservationRevision of(Observation current) {
        ObservationRevision r = new ObservationRevision();
        r.observation = current;
        r.value = current.getValue();
        r.numerator = current.getNumerator();
        r.denominator = current.getDenominator();
        r.asOf = current.getAsOf();
        r.sourceDoc = current.getSourceDoc();
        r.note = current.getNote();
        r.recordedBy = current.getRecordedBy();
        r.recordedAt = current.getRecordedAt();
        r.supersededAt = Instant.now();
        return r;
    }

    public Long getId() {
        return id;
    }

    public Observation getObservation() {
        return observation;
    }

    public BigDecimal getValue() {
        return value;
    }

    public BigDecimal getNumerator() {
        return numerator;
    }

    public BigDecimal getDenominator() {
        return denominator;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public String getSourceDoc() {
        return sourceDoc;
    }

    public String getNote() {
        return note;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }
}
