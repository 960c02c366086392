package vn.tracker.indicator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period written ISO-style: 2025, 2025-Q2, 2025-11, 2025-W47, 2025-11-22, or a plan
 * period 2026-2030. Knows its first and last day and the coarser periods that contain it.
 */
public record Period(PeriodType type, String code, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})-(\\d{4})");

    /** Parses a period code; empty when it is not one of the accepted forms or not a real date. */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toUpperCase();
        try {
            Matcher m;
            if ((m = YEAR.matcher(s)).matches()) {
                return Optional.of(year(Integer.parseInt(m.group(1))));
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = WEEK.matcher(s)).matches()) {
                return week(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEARS.matcher(s)).matches()) {
                int from = Integer.parseInt(m.group(1));
                int to = Integer.parseInt(m.group(2));
                if (to <= from) {
                    return Optional.empty();
                }
                return Optional.of(new Period(PeriodType.MULTI_YEAR, from + "-" + to,
                        LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31)));
            }
            if ((m = MONTH.matcher(s)).matches()) {
                return Optional.of(month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))));
            }
            if (DAY.matcher(s).matches()) {
                return Optional.of(day(LocalDate.parse(s)));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public static Period year(int year) {
        return new Period(PeriodType.YEAR, String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(PeriodType.QUARTER, year + "-Q" + quarter, start,
                YearMonth.of(year, quarter * 3).atEndOfMonth());
    }

    public static Period month(YearMonth month) {
        return new Period(PeriodType.MONTH, month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    public static Optional<Period> week(int weekYear, int week) {
        LocalDate jan4 = LocalDate.of(weekYear, 1, 4);
        long weeksInYear = jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeksInYear) {
            return Optional.empty();
        }
        LocalDate start = jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return Optional.of(new Period(PeriodType.WEEK, String.format("%d-W%02d", weekYear, week), start,
                start.plusDays(6)));
    }

    public static Period day(LocalDate day) {
        return new Period(PeriodType.DAY, day.toString(), day, day);
    }

    /** The period of the given type that contains a day (ISO week-year rules for weeks). */
    public static Period containing(LocalDate day, PeriodType type) {
        return switch (type) {
            case DAY -> day(day);
            case WEEK -> week(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                    .orElseThrow();
            case MONTH -> month(YearMonth.from(day));
            case QUARTER -> quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> year(day.getYear());
            case MULTI_YEAR -> throw new IllegalArgumentException("a plan period is not derived from a day");
        };
    }

    /**
     * The coarser period of the given type that contains this one. A week belongs to the month,
     * quarter and year of its Thursday, as ISO 8601 assigns weeks to years.
     */
    public Period containedIn(PeriodType coarser) {
        if (type == coarser) {
            return this;
        }
        LocalDate anchor = type == PeriodType.WEEK ? start.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY)) : start;
        return containing(anchor, coarser);
    }

    /**
     * The period of the given type this one falls in, for grouping a series: itself for the same
     * type, the containing period for a coarser one, empty when it does not fit inside one (a month
     * is not inside a week; a plan period 2026-2030 is inside nothing).
     */
    public Optional<Period> within(PeriodType target) {
        if (type == target) {
            return Optional.of(this);
        }
        if (type == PeriodType.MULTI_YEAR || target == PeriodType.MULTI_YEAR || !type.isFinerThan(target)) {
            return Optional.empty();
        }
        return Optional.of(containedIn(target));
    }

    /** Every coarser calendar period that contains this one, finest first (week → month, quarter, year). */
    public List<Period> containingPeriods() {
        List<Period> result = new ArrayList<>();
        for (PeriodType t : PeriodType.values()) {
            if (type.isFinerThan(t)) {
                within(t).ifPresent(result::add);
            }
        }
        return result;
    }

    /** The period of the same type that follows this one. */
    public Period next() {
        return switch (type) {
            case MULTI_YEAR -> throw new IllegalStateException("plan periods have no successor");
            default -> containing(end.plusDays(1), type);
        };
    }

    /** The periods of one type from the one containing {@code from} to the one containing {@code to}, inclusive. */
    public static List<Period> range(PeriodType type, LocalDate from, LocalDate to) {
        List<Period> result = new ArrayList<>();
        if (to.isBefore(from)) {
            return result;
        }
        for (Period p = containing(from, type); !p.start().isAfter(to); p = p.next()) {
            result.add(p);
        }
        return result;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    @Override
    public String toString() {
        return code;
    }
}
