package vn.tracker.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tracker.common.AsOfDates;
import vn.tracker.indicator.IndicatorService;
import vn.tracker.indicator.PeriodType;
import vn.tracker.indicator.Series;
import vn.tracker.indicator.SeriesPoint;
import vn.tracker.indicator.SeriesRequest;
import vn.tracker.indicator.SeriesService;
import vn.tracker.indicator.Target;
import vn.tracker.pilot.PilotModelService;
import vn.tracker.review.HealthQueries;
import vn.tracker.review.ReviewScope;

/** Tổng quan: the first page a leader opens — tasks by health, pilot models, key indicators. */
@ConsoleController
class OverviewConsoleController {

    /** How far back the overview looks for an indicator's latest yearly value. */
    static final int LOOK_BACK_YEARS = 5;

    private final AsOfDates asOfDates;
    private final HealthQueries healthQueries;
    private final PilotModelService pilotModels;
    private final IndicatorService indicators;
    private final SeriesService series;
    private final String homeAgency;

    OverviewConsoleController(AsOfDates asOfDates, HealthQueries healthQueries, PilotModelService pilotModels,
            IndicatorService indicators, SeriesService series,
            @Value("${tracker.console.home-agency:GL}") String homeAgency) {
        this.series = series;
        this.homeAgency = homeAgency;
        this.asOfDates = asOfDates;
        this.healthQueries = healthQueries;
        this.pilotModels = pilotModels;
        this.indicators = indicators;
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate date = asOfDates.orToday(asOf);
        model.addAttribute("asOf", date);
        model.addAttribute("healthCounts", healthQueries.countByHealth(date, ReviewScope.ALL));
        model.addAttribute("pilotCounts", pilotModels.countsByStatus());
        List<Target> key = latestTargetPerIndicator(indicators.keyIndicatorTargets());
        model.addAttribute("keyIndicators", key);
        model.addAttribute("latestValues", latestValues(key, date));
        return "overview";
    }

    /**
     * The latest yearly value of each key indicator for the home agency, from the series service
     * (cached between ingests), as of the date: all series in one call, so the page costs the same
     * few statements however many key indicators there are.
     */
    private Map<Long, BigDecimal> latestValues(List<Target> key, LocalDate asOf) {
        Map<Long, BigDecimal> latest = new HashMap<>();
        String from = String.valueOf(asOf.getYear() - LOOK_BACK_YEARS);
        String to = String.valueOf(asOf.getYear());
        List<SeriesRequest> requests = key.stream().map(target -> new SeriesRequest(target.getIndicator().getCode(),
                List.of(homeAgency), false, PeriodType.YEAR, from, to, asOf)).toList();
        List<Series> found = series.seriesEach(requests);
        for (int i = 0; i < key.size(); i++) {
            Series s = found.get(i);
            if (s == null) {
                continue; // no home agency in this database (or no yearly series): the overview shows "—"
            }
            Long indicatorId = key.get(i).getIndicator().getId();
            s.agencies().stream().flatMap(a -> a.points().stream()).map(SeriesPoint::value)
                    .filter(java.util.Objects::nonNull).reduce((first, second) -> second)
                    .ifPresent(v -> latest.put(indicatorId, v));
        }
        return latest;
    }

    /** One row per indicator: its target for the latest period named (or the open-ended one). */
    private static List<Target> latestTargetPerIndicator(List<Target> targets) {
        Map<Long, Target> byIndicator = new LinkedHashMap<>();
        for (Target target : targets) {
            byIndicator.merge(target.getIndicator().getId(), target,
                    (a, b) -> periodOrEmpty(b).compareTo(periodOrEmpty(a)) > 0 ? b : a);
        }
        return new ArrayList<>(byIndicator.values());
    }

    private static String periodOrEmpty(Target target) {
        return target.getPeriod() == null ? "" : target.getPeriod();
    }
}
