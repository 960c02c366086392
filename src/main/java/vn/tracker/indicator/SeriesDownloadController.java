package vn.tracker.indicator;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tracker.common.BadInputException;
import vn.tracker.common.ErrorCode;
import vn.tracker.common.NotFoundException;

/**
 * Downloads of any series for dashboard teams' own tools, with the parameters of the GraphQL
 * `series` query:
 * {@code GET /api/indicators/{code}/series.csv?agencies=GL,TN&includeChildren=true&periodType=WEEK&from=2025-W01&to=2025-W52&asOf=2025-12-31}
 * and the same with {@code series.json}. CSV is UTF-8, one row per agency and period, empty cells
 * for missing data.
 */
@RestController
@RequestMapping("/api/indicators/{code}")
class SeriesDownloadController {

    private static final String[] CSV_HEADER = {"indicator", "agency_code", "agency_name", "period", "start", "end",
            "value", "numerator", "denominator", "target", "gap", "meets_target"};

    private final SeriesService series;

    SeriesDownloadController(SeriesService series) {
        this.series = series;
    }

    @GetMapping("/series.csv")
    void csv(@PathVariable String code, @RequestParam List<String> agencies,
            @RequestParam(defaultValue = "false") boolean includeChildren,
            @RequestParam(required = false) PeriodType periodType, @RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            HttpServletResponse response) throws IOException {
        Series s = series.series(new SeriesRequest(code, agencies, includeChildren, periodType, from, to, asOf));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(s) + ".csv\"");
        Writer out = new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            for (AgencySeries a : s.agencies()) {
                for (SeriesPoint p : a.points()) {
                    csv.printRecord(s.indicator().getCode(), a.agency().code(), a.agency().name(), p.period().code(),
                            p.period().start(), p.period().end(), plain(p.value()), plain(p.numerator()),
                            plain(p.denominator()), plain(p.target()), plain(p.gap()),
                            p.meetsTarget() == null ? "" : p.meetsTarget());
                }
            }
        }
    }

    @GetMapping("/series.json")
    Map<String, Object> json(@PathVariable String code, @RequestParam List<String> agencies,
            @RequestParam(defaultValue = "false") boolean includeChildren,
            @RequestParam(required = false) PeriodType periodType, @RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Series s = series.series(new SeriesRequest(code, agencies, includeChildren, periodType, from, to, asOf));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", s.indicator().getCode());
        body.put("name", s.indicator().getName());
        body.put("unit", s.indicator().getUnit());
        body.put("aggregation", s.indicator().getAggregation());
        body.put("periodType", s.periodType());
        body.put("asOf", s.asOf().toString());
        body.put("periods", s.periods().stream().map(Period::code).toList());
        List<Map<String, Object>> rows = new ArrayList<>(s.agencies().size());
        for (AgencySeries a : s.agencies()) {
            List<Map<String, Object>> points = new ArrayList<>(a.points().size());
            for (SeriesPoint p : a.points()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("period", p.period().code());
                m.put("start", p.period().start().toString());
                m.put("end", p.period().end().toString());
                m.put("value", p.value());
                m.put("numerator", p.numerator());
                m.put("denominator", p.denominator());
                m.put("target", p.target());
                m.put("gap", p.gap());
                m.put("meetsTarget", p.meetsTarget());
                points.add(m);
            }
            Map<String, Object> agency = new LinkedHashMap<>();
            agency.put("code", a.agency().code());
            agency.put("name", a.agency().name());
            agency.put("points", points);
            rows.add(agency);
        }
        body.put("agencies", rows);
        return body;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String fileName(Series s) {
        return (s.indicator().getCode() + "_" + s.periodType() + "_" + s.periods().get(0).code() + "_"
                + s.periods().get(s.periods().size() - 1).code()).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    @ExceptionHandler(BadInputException.class)
    ResponseEntity<Map<String, Object>> badInput(BadInputException e) {
        return error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_USER_INPUT, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        return error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_USER_INPUT,
                "Tham số không hợp lệ / invalid parameter (periodType: DAY, WEEK, MONTH, QUARTER, YEAR; asOf: 2025-12-31)");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, ErrorCode code, String message) {
        return ResponseEntity.status(status).body(Map.of("errors",
                List.of(Map.of("code", code.name(), "message", message))));
    }
}
