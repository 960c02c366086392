package vn.tracker.indicator;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;
import vn.tracker.agency.AgencyService;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.PageRequest;
import vn.tracker.console.ConsoleController;

/**
 * Chỉ tiêu: pick an indicator and agencies, see the series as a line chart with the target line and
 * as a table (the same numbers, readable without JavaScript), download it as CSV.
 */
@ConsoleController
class IndicatorConsoleController {

    private final SeriesService series;
    private final IndicatorRepository indicators;
    private final AgencyService agencies;
    private final AsOfDates asOfDates;
    private final SeriesDownloadController downloads;
    private final JsonMapper json;
    private final String homeAgency;

    IndicatorConsoleController(SeriesService series, IndicatorRepository indicators, AgencyService agencies,
            AsOfDates asOfDates, SeriesDownloadController downloads, JsonMapper json,
            @Value("${tracker.console.home-agency:GL}") String homeAgency) {
        this.series = series;
        this.indicators = indicators;
        this.agencies = agencies;
        this.asOfDates = asOfDates;
        this.downloads = downloads;
        this.json = json;
        this.homeAgency = homeAgency;
    }

    @GetMapping("/indicators")
    String page(@ModelAttribute("form") IndicatorChartForm form, Model model) {
        IndicatorChartForm shown = form.withDefaults(homeAgency, asOfDates.today());
        model.addAttribute("form", shown);
        model.addAttribute("indicators", indicators.findAll(Sort.by("code")));
        model.addAttribute("agencyOptions", agencies.list(null, PageRequest.of(PageRequest.MAX_SIZE, null)).nodes());
        model.addAttribute("periodTypes", PeriodType.values());
        if (shown.indicator() != null) {
            try {
                Series s = series.series(shown.toRequest());
                model.addAttribute("series", s);
                model.addAttribute("chartData", json.writeValueAsString(chartData(s)));
            } catch (BadInputException e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return "indicators/page";
    }

    /** The console's CSV download: the API's download, reached with the console session. */
    @GetMapping("/indicators/series.csv")
    void csv(@ModelAttribute IndicatorChartForm form, HttpServletResponse response) throws IOException {
        IndicatorChartForm f = form.withDefaults(homeAgency, asOfDates.today());
        if (f.indicator() == null) {
            throw new BadInputException("indicator", "Chưa chọn chỉ tiêu / choose an indicator");
        }
        downloads.csv(f.indicator(), f.agency(), f.includeChildren(), f.periodType(), f.from(), f.to(), f.asOf(),
                response);
    }

    /** What indicator-chart.js draws: period labels, one line per agency, the target line. */
    private static Map<String, Object> chartData(Series s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", s.periods().stream().map(Period::code).toList());
        List<Map<String, Object>> lines = new ArrayList<>();
        List<BigDecimal> target = new ArrayList<>();
        for (Period ignored : s.periods()) {
            target.add(null);
        }
        for (AgencySeries a : s.agencies()) {
            List<BigDecimal> values = new ArrayList<>();
            for (int i = 0; i < a.points().size(); i++) {
                SeriesPoint p = a.points().get(i);
                values.add(p.value());
                if (target.get(i) == null && p.target() != null) {
                    target.set(i, p.target());
                }
            }
            lines.add(Map.of("label", a.agency().name(), "values", values));
        }
        data.put("series", lines);
        data.put("target", target);
        return data;
    }
}
