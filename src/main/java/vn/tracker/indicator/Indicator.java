package vn.tracker.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.NaturalId;
import vn.tracker.common.BaseEntity;
import vn.tracker.common.TextFolding;

/** Chỉ tiêu, chỉ số, tỷ lệ: something measured per agency and period. */
@Entity
@Table(name = "indicator")
public class Indicator extends BaseEntity {

    @NaturalId(mutable = false)
    @Column(nullable = false, length = 80)
    private String code;

    @Column(nullable = false, length = 1000)
    private String name;

    @Column(name = "name_folded", nullable = false, length = 1000)
    private String nameFolded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Aggregation aggregation;

    /** The finest period observations may be recorded for. */
    @Enumerated(EnumType.STRING)
    @Column(name = "period_type", nullable = false, length = 10)
    private PeriodType periodType;

    @Column(nullable = false)
    private int decimals = 2;

    @Column(name = "min_value", precision = 20, scale = 4)
    private BigDecimal minValue;

    @Column(name = "max_value", precision = 20, scale = 4)
    private BigDecimal maxValue;

    @Column(length = 2000)
    private String description;

    /** Maintained by the product itself (e.g. counts of overdue tasks from closed reviews). */
    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    protected Indicator() {
    }

    public Indicator(String code, String name, Unit unit, Direction direction, Aggregation aggregation,
            PeriodType periodType) {
        this.code = code;
        this.unit = unit;
        this.direction = direction;
        this.aggregation = aggregation;
        this.periodType = periodType;
        setName(name);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.nameFolded = TextFolding.foldAll(code, name);
    }

    public Unit getUnit() {
        return unit;
    }

    public void setUnit(Unit unit) {
        this.unit = unit;
    }

    public Direction getDirection() {
        return direction;
    }

    public void setDirection(Direction direction) {
        this.direction = direction;
    }

    public Aggregation getAggregation() {
        return aggregation;
    }

    public void setAggregation(Aggregation aggregation) {
        this.aggregation = aggregation;
    }

    public PeriodType getPeriodType() {
        return periodType;
    }

    public void setPeriodType(PeriodType periodType) {
        this.periodType = periodType;
    }

    public int getDecimals() {
        return decimals;
    }

    public void setDecimals(int decimals) {
        this.decimals = decimals;
    }

    public BigDecimal getMinValue() {
        return minValue;
    }

    public void setMinValue(BigDecimal minValue) {
        this.minValue = minValue;
    }

    public BigDecimal getMaxValue() {
        return maxValue;
    }

    public void setMaxValue(BigDecimal maxValue) {
        this.maxValue = maxValue;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public void setBuiltIn(boolean builtIn) {
        this.builtIn = builtIn;
    }
}
