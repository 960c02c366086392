package vn.tracker.indicator;

/** Period granularities, finest first; MULTI_YEAR covers plan periods such as 2026-2030. */
public enum PeriodType {
    DAY, WEEK, MONTH, QUARTER, YEAR, MULTI_YEAR;

    public boolean isFinerThan(PeriodType other) {
        return ordinal() < other.ordinal();
    }
}
