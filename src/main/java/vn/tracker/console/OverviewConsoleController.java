package vn.tracker.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tracker.common.AsOfDates;
import vn.tracker.indicator.IndicatorService;
import vn.tracker.indicator.Target;
import vn.tracker.pilot.PilotModelService;
import vn.tracker.review.HealthQueries;
import vn.tracker.review.ReviewScope;

/** Tổng quan: the first page a leader opens — tasks by health, pilot models, key indicators. */
@ConsoleController
class OverviewConsoleController {

    private final AsOfDates asOfDates;
    private final HealthQueries healthQueries;
    private final PilotModelService pilotModels;
    private final IndicatorService indicators;

    OverviewConsoleController(AsOfDates asOfDates, HealthQueries healthQueries, PilotModelService pilotModels,
            IndicatorService indicators) {
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
        model.addAttribute("keyIndicators", latestTargetPerIndicator(indicators.keyIndicatorTargets()));
        return "overview";
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
