package vn.tracker.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Partial aggregate of a set of observations, combinable without the raw rows: count, sum, min,
 * max, Σnumerator, Σdenominator (over rows that give both) and the last value in time. Combining
 * two states of disjoint sets gives the state of their union, so SQL groups by agency and period
 * and the agency tree is rolled up from those groups.
 */
final class AggregateState {

    private static final MathContext DIVISION = new MathContext(20, RoundingMode.HALF_UP);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    long count;
    BigDecimal sum;
    BigDecimal min;
    BigDecimal max;
    BigDecimal sumNumerator;
    BigDecimal sumDenominator;
    /** Rows with a value but without both parts: a ratio of those cannot be recomputed. */
    long valueOnlyCount;
    /** LAST: the value of the latest period (per agency), summed across agencies. */
    BigDecimal last;
    BigDecimal lastNumerator;
    BigDecimal lastDenominator;
    /** End of the latest period seen for one agency; null once states of several agencies are combined. */
    LocalDate lastEnd;

    static AggregateState ofGroup(long count, BigDecimal sum, BigDecimal min, BigDecimal max,
            BigDecimal sumNumerator, BigDecimal sumDenominator, long partsCount) {
        AggregateState s = new AggregateState();
        s.count = count;
        s.sum = sum;
        s.min = min;
        s.max = max;
        s.sumNumerator = sumNumerator;
        s.sumDenominator = sumDenominator;
        s.valueOnlyCount = count - partsCount;
        return s;
    }

    static AggregateState ofLast(BigDecimal value, BigDecimal numerator, BigDecimal denominator, LocalDate end) {
        AggregateState s = new AggregateState();
        s.count = value == null ? 0 : 1;
        s.last = value;
        s.lastNumerator = numerator;
        s.lastDenominator = denominator;
        s.lastEnd = end;
        return s;
    }

    /** Same agency, disjoint rows (current values and revisions): the later period wins for LAST. */
    void mergeSameAgency(AggregateState other) {
        boolean otherLater = other.lastEnd != null && (lastEnd == null || other.lastEnd.isAfter(lastEnd));
        addCounts(other);
        if (otherLater) {
            last = other.last;
            lastNumerator = other.lastNumerator;
            lastDenominator = other.lastDenominator;
            lastEnd = other.lastEnd;
        }
    }

    /** Another agency's state: LAST values add up (a stock across agencies). */
    void mergeOtherAgency(AggregateState other) {
        addCounts(other);
        last = add(last, other.last);
        lastNumerator = add(lastNumerator, other.lastNumerator);
        lastDenominator = add(lastDenominator, other.lastDenominator);
        lastEnd = null;
    }

    AggregateState copy() {
        AggregateState s = new AggregateState();
        s.addCounts(this);
        s.last = last;
        s.lastNumerator = lastNumerator;
        s.lastDenominator = lastDenominator;
        s.lastEnd = lastEnd;
        return s;
    }

    private void addCounts(AggregateState other) {
        count += other.count;
        valueOnlyCount += other.valueOnlyCount;
        sum = add(sum, other.sum);
        min = other.min == null ? min : min == null || other.min.compareTo(min) < 0 ? other.min : min;
        max = other.max == null ? max : max == null || other.max.compareTo(max) > 0 ? other.max : max;
        sumNumerator = add(sumNumerator, other.sumNumerator);
        sumDenominator = add(sumDenominator, other.sumDenominator);
    }

    /** The aggregated value; null when there is nothing to aggregate (missing data is never 0). */
    BigDecimal value(Aggregation aggregation, Unit unit) {
        if (count == 0 && aggregation != Aggregation.LAST) {
            return null;
        }
        return switch (aggregation) {
            case SUM -> sum;
            // One value (every commune's own weekly point) is its own average: no division.
            case AVERAGE -> sum == null ? null : count == 1 ? sum : sum.divide(BigDecimal.valueOf(count), DIVISION);
            case MIN -> min;
            case MAX -> max;
            case LAST -> last;
            case RATIO -> ratio(unit);
        };
    }

    private BigDecimal ratio(Unit unit) {
        if (sumDenominator != null && sumDenominator.signum() != 0 && valueOnlyCount == 0) {
            BigDecimal r = sumNumerator.divide(sumDenominator, DIVISION);
            return unit == Unit.PERCENT ? r.multiply(HUNDRED) : r;
        }
        // A single figure reported without its parts keeps its value; several cannot be combined.
        return count == 1 && valueOnlyCount == 1 ? sum : null;
    }

    BigDecimal numerator(Aggregation aggregation) {
        return aggregation == Aggregation.LAST ? lastNumerator : sumNumerator;
    }

    BigDecimal denominator(Aggregation aggregation) {
        return aggregation == Aggregation.LAST ? lastDenominator : sumDenominator;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}
