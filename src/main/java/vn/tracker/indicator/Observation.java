package vn.tracker.indicator;

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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import vn.tracker.agency.Agency;

/** Số liệu theo kỳ: the current value of indicator × agency × period; earlier values are revisions. */
@Entity
@Table(name = "observation")
@jakarta.persistence.EntityListeners(ObservationPackListener.class)
public class Observation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id", nullable = false)
    private Indicator indicator;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id", nullable = false)
    private Agency agency;

    @Column(nullable = false, length = 20)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_type", nullable = false, length = 10)
    private PeriodType periodType;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    // Containing periods, for grouping series in SQL (see V30__observation_buckets.sql).
    @Column(name = "bucket_week", length = 10, updatable = false)
    private String bucketWeek;

    @Column(name = "bucket_month", length = 10, updatable = false)
    private String bucketMonth;

    @Column(name = "bucket_quarter", length = 10, updatable = false)
    private String bucketQuarter;

    @Column(name = "bucket_year", length = 10, updatable = false)
    private String bucketYear;

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

    @Version
    private long version;

    protected Observation() {
    }

    public Observation(Indicator indicator, Agency agency, Period period) {
        this.indicator = indicator;
        this.agency = agency;
        this.period = period.code();
        this.periodType = period.type();
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.bucketWeek = SeriesBuckets.code(period, PeriodType.WEEK);
        this.bucketMonth = SeriesBuckets.code(period, PeriodType.MONTH);
        this.bucketQuarter = SeriesBuckets.code(period, PeriodType.QUARTER);
        this.bucketYear = SeriesBuckets.code(period, PeriodType.YEAR);
    }

    /** Sets the current value; the caller keeps the previous one as a revision first. */
    public void record(BigDecimal value, BigDecimal numerator, BigDecimal denominator, LocalDate asOf,
            String sourceDoc, String note, String recordedBy) {
        this.value = value;
        this.numerator = numerator;
        this.denominator = denominator;
        this.asOf = asOf;
        this.sourceDoc = sourceDoc;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public Agency getAgency() {
        return agency;
    }

    public String getPeriod() {
        return period;
    }

    public PeriodType getPeriodType() {
        return periodType;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
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

    public long getVersion() {
        return version;
    }
}
