package vn.tracker.bench.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.tracker.bench.BenchContext;
import vn.tracker.bench.BenchOperation;
import vn.tracker.bench.OperationResult;
import vn.tracker.indicator.AgencySeries;
import vn.tracker.indicator.PeriodType;
import vn.tracker.indicator.Series;
import vn.tracker.indicator.SeriesPoint;
import vn.tracker.indicator.SeriesRequest;
import vn.tracker.indicator.SeriesService;

/**
 * Series (issue 6): one weekly indicator for every province and, with includeChildren, each of its
 * communes (34 + 3,321 agencies at full scale) over 52 ISO weeks, computed by the product's
 * SeriesService from the database on every call (cache bypassed: the SQL grouping, the roll-up
 * of the agency tree, targets). Baseline: a hand-written query returning the same numbers — the
 * communes' weekly values plus each province's weekly average of its communes. Answers are
 * compared by point count and sum. Also measured: a repeated series served from the Caffeine
 * cache (series_cache_hit_ms). Summary: series_ratio, series_median_ms, series_p95_ms,
 * series_cache_hit_ms.
 */
public class SeriesOperation implements BenchOperation {

    private WeeklyObservations data;
    private SeriesRequest request;
    private double cacheHitMs = Double.NaN;
    private String from;
    private String to;
    private String provinceIds;

    @Override
    public String name() {
        return "series";
    }

    @Override
    public boolean needsTaskData() {
        return false; // agencies only; the weekly observations are its own (WeeklyObservations)
    }

    @Override
    public void prepare(BenchContext ctx) throws Exception {
        data = WeeklyObservations.of(ctx);
        long start = System.nanoTime();
        data.loadRemaining(ctx);
        ctx.record("weekly_data_loaded_s", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        from = data.weeks.get(WeeklyObservations.WEEKS - 52).code();
        to = data.weeks.get(WeeklyObservations.WEEKS - 1).code();
        request = new SeriesRequest(WeeklyObservations.indicator(0), data.provinces, true, PeriodType.WEEK, from, to,
                ctx.asOf());
        try (Connection c = ctx.jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM agency WHERE code IN (" + String.join(",", data.provinces.stream().map(p -> "?").toList())
                        + ")")) {
            for (int i = 0; i < data.provinces.size(); i++) {
                ps.setString(i + 1, data.provinces.get(i));
            }
            StringBuilder ids = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.append(ids.isEmpty() ? "" : ",").append(rs.getLong(1));
                }
            }
            provinceIds = ids.toString();
        }
        SeriesService service = ctx.bean(SeriesService.class);
        Series first = service.series(request);
        ctx.record("series_points", first.pointCount());
        long[] hits = new long[200];
        for (int i = 0; i < hits.length; i++) {
            long t = System.nanoTime();
            service.series(request);
            hits[i] = System.nanoTime() - t;
        }
        Arrays.sort(hits);
        cacheHitMs = hits[hits.length / 2] / 1e6;
    }

    @Override
    public Object product(BenchContext ctx, int iteration) {
        Series s = ctx.bean(SeriesService.class).seriesUncached(request);
        long points = 0;
        double sum = 0;
        for (AgencySeries a : s.agencies()) {
            for (SeriesPoint p : a.points()) {
                if (p.value() != null) {
                    points++;
                    sum += p.value().doubleValue();
                }
            }
        }
        return digest(points, sum);
    }

    @Override
    public Object baseline(BenchContext ctx, int iteration) throws Exception {
        String sql = "SELECT o.agency_id, o.period, o.obs_value FROM observation o"
                + " WHERE o.indicator_id = (SELECT id FROM indicator WHERE code = ?) AND o.period_type = 'WEEK'"
                + " AND o.period BETWEEN ? AND ? AND o.as_of <= ?"
                + " UNION ALL"
                + " SELECT a.parent_id, o.period, AVG(o.obs_value) FROM observation o JOIN agency a ON a.id = o.agency_id"
                + " WHERE o.indicator_id = (SELECT id FROM indicator WHERE code = ?) AND o.period_type = 'WEEK'"
                + " AND o.period BETWEEN ? AND ? AND o.as_of <= ? AND a.parent_id IN (" + provinceIds + ")"
                + " GROUP BY a.parent_id, o.period";
        long points = 0;
        double sum = 0;
        try (Connection c = ctx.jdbc(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < 2; k++) {
                ps.setString(1 + 4 * k, request.indicator());
                ps.setString(2 + 4 * k, from);
                ps.setString(3 + 4 * k, to);
                ps.setObject(4 + 4 * k, ctx.asOf());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getString(2);
                    java.math.BigDecimal v = rs.getBigDecimal(3);
                    if (v != null) {
                        points++;
                        sum += v.doubleValue();
                    }
                }
            }
        }
        return digest(points, sum);
    }

    private static String digest(long points, double sum) {
        return String.format(Locale.ROOT, "%d points, sum %.0f", points, sum);
    }

    @Override
    public Map<String, String> summary(OperationResult result) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("series_ratio", result.ratioText());
        s.put("series_median_ms", result.measured() ? String.format(Locale.ROOT, "%.1f", result.productMedianMs()) : "NA");
        s.put("series_p95_ms", result.measured() ? String.format(Locale.ROOT, "%.1f", result.productP95Ms()) : "NA");
        s.put("series_sql_median_ms", result.measured()
                ? String.format(Locale.ROOT, "%.1f", result.baselineMedianMs()) : "NA");
        s.put("series_cache_hit_ms", Double.isNaN(cacheHitMs) ? "NA" : String.format(Locale.ROOT, "%.3f", cacheHitMs));
        return s;
    }
}
