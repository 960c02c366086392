package vn.tracker.indicator;

import java.math.BigDecimal;

/** One period of one agency's series; every number is null when there is no data (never 0). */
public record SeriesPoint(Period period, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
        BigDecimal target, BigDecimal gap, Boolean meetsTarget) {
}
