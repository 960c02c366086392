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
import vn.tracker.agency.Agency;
import vn.tracker.directive.Directive;

/** A target value for an indicator; agency and period empty mean "everywhere" and "any period". */
@Entity
@Table(name = "target")
public class Target {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id", nullable = false)
    private Indicator indicator;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    @Column(length = 20)
    private String period;

    @Column(name = "target_value", nullable = false, precision = 20, scale = 4)
    private BigDecimal value;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_directive_id")
    private Directive sourceDirective;

    @Column(name = "source_text", length = 1000)
    private String sourceText;

    protected Target() {
    }

    public Target(Indicator indicator, Agency agency, String period, BigDecimal value) {
        this.indicator = indicator;
        this.agency = agency;
        this.period = period;
        this.value = value;
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

    public BigDecimal getValue() {
        return value;
    }

    public void setValue(BigDecimal value) {
        this.value = value;
    }

    public Directive getSourceDirective() {
        return sourceDirective;
    }

    public void setSourceDirective(Directive sourceDirective) {
        this.sourceDirective = sourceDirective;
    }

    public String getSourceText() {
        return sourceText;
    }

    public void setSourceText(String sourceText) {
        this.sourceText = sourceText;
    }
}
