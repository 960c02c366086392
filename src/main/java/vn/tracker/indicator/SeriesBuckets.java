package vn.tracker.indicator;

import java.util.List;

/**
 * Which stored column groups observations into periods of a series type. Weeks, months,
 * quarters and years have a precomputed column on each observation; a DAY series groups by the
 * observation's own period (only day observations fit in a day).
 */
final class SeriesBuckets {

    private SeriesBuckets() {
    }

    /** The code of the period of the given type that contains {@code period}, or null when none does. */
    static String code(Period period, PeriodType type) {
        return period.within(type).map(Period::code).orElse(null);
    }

    /** SQL column holding the bucket code; a fixed identifier chosen from the enum, never user text. */
    static String column(PeriodType type) {
        return switch (type) {
            case DAY -> "period";
            case WEEK -> "bucket_week";
            case MONTH -> "bucket_month";
            case QUARTER -> "bucket_quarter";
            case YEAR -> "bucket_year";
            case MULTI_YEAR -> throw new IllegalArgumentException("series are not grouped by plan periods");
        };
    }

    /** Observation period types that fit inside a period of the given type. */
    static List<PeriodType> nestedTypes(PeriodType type) {
        return switch (type) {
            case DAY -> List.of(PeriodType.DAY);
            case WEEK -> List.of(PeriodType.DAY, PeriodType.WEEK);
            case MONTH -> List.of(PeriodType.DAY, PeriodType.WEEK, PeriodType.MONTH);
            case QUARTER -> List.of(PeriodType.DAY, PeriodType.WEEK, PeriodType.MONTH, PeriodType.QUARTER);
            case YEAR -> List.of(PeriodType.DAY, PeriodType.WEEK, PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR);
            case MULTI_YEAR -> List.of();
        };
    }
}
