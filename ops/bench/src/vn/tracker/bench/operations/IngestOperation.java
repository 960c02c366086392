package vn.tracker.bench.operations;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.tracker.bench.BenchContext;
import vn.tracker.bench.BenchOperation;
import vn.tracker.bench.OperationResult;
import vn.tracker.indicator.Period;

/**
 * Ingest (issue 6): one chunk of the weekly dataset per call (about 10,000 new rows: some
 * weeks × every commune of one indicator) through the product's CSV import path, which validates every row, looks
 * up existing values, keeps revisions and writes in batches in one transaction. Baseline: the same
 * rows parsed from the same CSV and inserted by a hand-written JDBC batch (no validation, no
 * upsert) into a twin indicator. Summary: ingest_rows_per_s (product) and ingest_ratio.
 */
public class IngestOperation implements BenchOperation {

    private WeeklyObservations data;
    private final Map<String, Long> agencyIds = new HashMap<>();
    private final Map<String, Long> indicatorIds = new HashMap<>();

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public boolean needsTaskData() {
        return false; // agencies only; the weekly observations are its own (WeeklyObservations)
    }

    @Override
    public void prepare(BenchContext ctx) throws Exception {
        data = WeeklyObservations.of(ctx);
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT code, id FROM agency WHERE code LIKE 'N-P%'")) {
                while (rs.next()) {
                    agencyIds.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT code, id FROM indicator WHERE code LIKE 'BENCH_WEEK_%'")) {
                while (rs.next()) {
                    indicatorIds.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement()) {
            // A --reuse run starts the weekly indicators (product's and baseline's) empty again,
            // so every timed call inserts new rows.
            // Beyond --quick only the reserved indicators: the preloaded ones stay.
            String codes = String.join(",", data.reservedCodes().stream().map(code -> "'" + code + "'").toList());
            st.executeUpdate("DELETE FROM observation_revision WHERE observation_id IN (SELECT o.id FROM observation o"
                    + " JOIN indicator i ON i.id = o.indicator_id WHERE i.code IN (" + codes + "))");
            st.executeUpdate("DELETE FROM observation WHERE indicator_id IN (SELECT id FROM indicator"
                    + " WHERE code IN (" + codes + "))");
            WeeklyObservations.deletePacks(st, "SELECT id FROM indicator WHERE code IN (" + codes + ")");
        }
        ctx.record("ingest_rows_per_call", data.rowsPerChunk());
        ctx.record("weekly_observations", (long) data.chunkCount() * data.rowsPerChunk());
        ctx.record("weekly_indicators", data.indicators);
    }

    @Override
    public Object product(BenchContext ctx, int iteration) {
        if (!data.loadNextChunk(ctx)) {
            // An empty call would time nothing: the reserved chunks are sized from --warmup + --rounds.
            throw new IllegalStateException("more calls than weekly chunks: raise BENCH_WEEKLY_INDICATORS");
        }
        return null;
    }

    @Override
    public Object baseline(BenchContext ctx, int iteration) throws Exception {
        if (iteration >= data.reservedChunks()) {
            throw new IllegalStateException("more calls than weekly chunks: raise BENCH_WEEKLY_INDICATORS");
        }
        String csv = data.chunkCsv(iteration);
        LocalDateTime now = LocalDateTime.now();
        try (Connection c = ctx.jdbc()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO observation (indicator_id, agency_id, period,"
                    + " period_type, period_start, period_end, bucket_week, bucket_month, bucket_quarter, bucket_year,"
                    + " obs_value, as_of, source_doc, recorded_by, recorded_at, version)"
                    + " VALUES (?, ?, ?, 'WEEK', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, 0)")) {
                Map<String, Period> periods = new LinkedHashMap<>();
                int n = 0;
                for (String line : csv.split("\n")) {
                    if (n++ == 0) {
                        continue;
                    }
                    String[] f = line.split(",");
                    // Same rows, twin indicator: BENCH_WEEK_007 → BENCH_WEEK_BASE_007.
                    ps.setLong(1, indicatorIds.get(f[0].replace("BENCH_WEEK_", "BENCH_WEEK_BASE_")));
                    ps.setLong(2, agencyIds.get(f[1]));
                    Period p = periods.computeIfAbsent(f[2], k -> Period.parse(k).orElseThrow());
                    ps.setString(3, p.code());
                    ps.setDate(4, Date.valueOf(p.start()));
                    ps.setDate(5, Date.valueOf(p.end()));
                    ps.setString(6, p.code());
                    ps.setString(7, p.containedIn(vn.tracker.indicator.PeriodType.MONTH).code());
                    ps.setString(8, p.containedIn(vn.tracker.indicator.PeriodType.QUARTER).code());
                    ps.setString(9, p.containedIn(vn.tracker.indicator.PeriodType.YEAR).code());
                    ps.setBigDecimal(10, new java.math.BigDecimal(f[3]));
                    ps.setDate(11, Date.valueOf(f[4]));
                    ps.setString(12, f[5]);
                    ps.setObject(13, now);
                    ps.addBatch();
                    if (n % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return null;
    }

    @Override
    public Map<String, String> summary(OperationResult result) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("ingest_rows_per_s", result.measured()
                ? String.format(Locale.ROOT, "%.0f", data.rowsPerChunk() / (result.productMedianMs() / 1000)) : "NA");
        s.put("ingest_ratio", result.ratioText());
        return s;
    }
}
