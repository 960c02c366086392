package vn.tracker.indicator;

import java.time.LocalDate;
import java.util.List;

/** An indicator's series for some agencies over consecutive periods of one type, as of a date. */
public record Series(Indicator indicator, PeriodType periodType, LocalDate asOf, List<Period> periods,
        List<AgencySeries> agencies) {

    public int pointCount() {
        return periods.size() * agencies.size();
    }
}
