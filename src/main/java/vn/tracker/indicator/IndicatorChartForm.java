package vn.tracker.indicator;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import vn.tracker.console.QueryLink;

/**
 * The indicators page's choice, as URL parameters so a chart can be shared as a link:
 * {@code /indicators?indicator=TTHC_DIGITIZATION_RATE&agency=GL&periodType=YEAR&from=2022&to=2026}.
 */
public record IndicatorChartForm(String indicator, List<String> agency, Boolean children, PeriodType periodType,
        String from, String to, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {

    public IndicatorChartForm {
        indicator = blankToNull(indicator);
        agency = agency == null ? List.of() : agency.stream().filter(a -> a != null && !a.isBlank()).map(String::strip)
                .distinct().toList();
        from = blankToNull(from);
        to = blankToNull(to);
    }

    /** Fills what the user left empty: the home agency, yearly periods over the last few years. */
    IndicatorChartForm withDefaults(String homeAgency, LocalDate today) {
        PeriodType type = periodType != null ? periodType : PeriodType.YEAR;
        String defaultTo = Period.containing(today, type).code();
        String defaultFrom = Period.containing(today.minusYears(4), type).code();
        return new IndicatorChartForm(indicator, agency.isEmpty() ? List.of(homeAgency) : agency, children, type,
                from != null ? from : defaultFrom, to != null ? to : defaultTo, asOf);
    }

    public boolean includeChildren() {
        return Boolean.TRUE.equals(children);
    }

    public boolean hasAgency(String code) {
        return agency.contains(code);
    }

    SeriesRequest toRequest() {
        return new SeriesRequest(indicator, agency, includeChildren(), periodType, from, to, asOf);
    }

    /** The same choice as a CSV download link. */
    public String csvUrl() {
        QueryLink link = QueryLink.to("/indicators/series.csv").with("indicator", indicator);
        for (String a : agency) {
            link = link.with("agency", a);
        }
        return link.with("children", includeChildren() ? true : null).with("periodType", periodType)
                .with("from", from).with("to", to).with("asOf", asOf).toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
