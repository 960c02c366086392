package vn.tracker.task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tracker.common.TextFolding;

/**
 * A deadline as a document wrote it ("trước ngày 05/01/2026", "trong tháng 12/2025",
 * "Quý I năm 2026", "Năm 2026", or ISO forms) and its effective date, the period's last day.
 */
public record Deadline(LocalDate dueOn, String dueText, DueResolution resolution) {

    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern ISO_QUARTER = Pattern.compile("(\\d{4})-q([1-4])");
    private static final Pattern YEAR_ONLY = Pattern.compile("(?:nam\\s+)?(\\d{4})");
    private static final Pattern VN_DAY = Pattern.compile("(?:.*ngay\\s+)?(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern VN_MONTH = Pattern.compile(".*thang\\s+(\\d{1,2})(?:/|\\s+nam\\s+)(\\d{4})");
    private static final Pattern VN_QUARTER = Pattern.compile(".*quy\\s+([ivx1-4]+)(?:/|\\s+nam\\s+|\\s+)(\\d{4})");
    private static final Map<String, Integer> QUARTERS = Map.of(
            "i", 1, "ii", 2, "iii", 3, "iv", 4, "1", 1, "2", 2, "3", 3, "4", 4);

    public static Deadline ofDay(LocalDate day) {
        return new Deadline(day, day.toString(), DueResolution.DAY);
    }

    /** Parses a deadline; empty when the text is blank, or when it cannot be understood. */
    public static Optional<Deadline> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String original = text.strip();
        String f = TextFolding.fold(original).toLowerCase(Locale.ROOT);
        try {
            Matcher m;
            if ((m = ISO_DAY.matcher(f)).matches()) {
                return Optional.of(new Deadline(LocalDate.of(i(m, 1), i(m, 2), i(m, 3)), original, DueResolution.DAY));
            }
            if ((m = ISO_QUARTER.matcher(f)).matches()) {
                return Optional.of(quarter(i(m, 1), i(m, 2), original));
            }
            if ((m = ISO_MONTH.matcher(f)).matches()) {
                return Optional.of(month(i(m, 1), i(m, 2), original));
            }
            if ((m = VN_DAY.matcher(f)).matches()) {
                return Optional.of(new Deadline(LocalDate.of(i(m, 3), i(m, 2), i(m, 1)), original, DueResolution.DAY));
            }
            if ((m = VN_QUARTER.matcher(f)).matches()) {
                Integer q = QUARTERS.get(m.group(1));
                return q == null ? Optional.empty() : Optional.of(quarter(i(m, 2), q, original));
            }
            if ((m = VN_MONTH.matcher(f)).matches()) {
                return Optional.of(month(i(m, 2), i(m, 1), original));
            }
            if ((m = YEAR_ONLY.matcher(f)).matches()) {
                int year = i(m, 1);
                return Optional.of(new Deadline(LocalDate.of(year, 12, 31), original, DueResolution.YEAR));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Deadline month(int year, int month, String text) {
        return new Deadline(YearMonth.of(year, month).atEndOfMonth(), text, DueResolution.MONTH);
    }

    private static Deadline quarter(int year, int quarter, String text) {
        return new Deadline(YearMonth.of(year, quarter * 3).atEndOfMonth(), text, DueResolution.QUARTER);
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
