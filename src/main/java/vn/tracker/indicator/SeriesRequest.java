package vn.tracker.indicator;

import java.time.LocalDate;
import java.util.List;

/**
 * What a series asks for: one indicator, some agencies (and optionally each one's children), a
 * period type and a range written as period codes, as of a date (null: today).
 */
public record SeriesRequest(String indicator, List<String> agencies, boolean includeChildren, PeriodType periodType,
        String from, String to, LocalDate asOf) {
}
