package vn.tracker.bench.operations;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.tracker.bench.BenchContext;
import vn.tracker.indicator.IngestResult;
import vn.tracker.indicator.ObservationIngestService;
import vn.tracker.indicator.Period;
import vn.tracker.indicator.PeriodType;

/**
 * The weekly dataset of the indicator benchmarks (issue 6): indicators BENCH_WEEK_001… (a
 * percentage averaged across agencies), one value per commune and ISO week for the 104 weeks up to
 * the run's as-of date: 50 indicators × 3,321 communes × 104 weeks ≈ 17M observations at full
 * scale (BENCH_WEEKLY_INDICATORS overrides the count; 2 with --quick). It is cut into chunks of one
 * indicator × {@link #WEEKS_PER_CHUNK} weeks × every commune, loaded through the product's own
 * import path ({@link ObservationIngestService#importCsv}, the code behind POST /api/observations):
 * the ingest operation times chunks one by one, the series operation loads whatever is left.
 */
final class WeeklyObservations {

    static final int WEEKS = 104;
    static final int WEEKS_PER_CHUNK = 8;

    private static WeeklyObservations instance;

    final List<String> communes = new ArrayList<>();
    final List<String> provinces = new ArrayList<>();
    final List<Period> weeks;
    final int indicators;
    private int nextChunk;

    private WeeklyObservations(BenchContext ctx) throws Exception {
        Period last = Period.containing(ctx.asOf(), PeriodType.WEEK);
        weeks = Period.range(PeriodType.WEEK, last.start().minusWeeks(WEEKS - 1), last.start());
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT code FROM agency WHERE kind = 'COMMUNE' AND code LIKE 'N-P%'"
                    + " ORDER BY code")) {
                while (rs.next()) {
                    communes.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT p.code FROM agency p JOIN agency c ON c.parent_id = p.id"
                    + " WHERE c.kind = 'COMMUNE' AND c.code LIKE 'N-P%' ORDER BY p.code")) {
                while (rs.next()) {
                    provinces.add(rs.getString(1));
                }
            }
        }
        String configured = System.getenv("BENCH_WEEKLY_INDICATORS");
        indicators = configured != null ? Integer.parseInt(configured) : communes.size() >= 3000 ? 50 : 2;
        createIndicators(ctx);
    }

    static synchronized WeeklyObservations of(BenchContext ctx) throws Exception {
        if (instance == null) {
            instance = new WeeklyObservations(ctx);
        }
        return instance;
    }

    static String baseIndicator(int i) {
        return String.format(Locale.ROOT, "BENCH_WEEK_BASE_%03d", i + 1);
    }

    static String indicator(int i) {
        return String.format(Locale.ROOT, "BENCH_WEEK_%03d", i + 1);
    }

    int chunkCount() {
        return indicators * ((WEEKS + WEEKS_PER_CHUNK - 1) / WEEKS_PER_CHUNK);
    }

    int rowsPerChunk() {
        return WEEKS_PER_CHUNK * communes.size();
    }

    /** Loads the next chunk through the product; false when everything is loaded. */
    synchronized boolean loadNextChunk(BenchContext ctx) {
        if (nextChunk >= chunkCount()) {
            return false;
        }
        String csv = chunkCsv(nextChunk++);
        IngestResult result = ctx.bean(ObservationIngestService.class).importCsv(new StringReader(csv));
        if (!result.ok()) {
            throw new IllegalStateException("bench ingest refused: " + result.errors().subList(0,
                    Math.min(3, result.errors().size())));
        }
        return true;
    }

    void loadRemaining(BenchContext ctx) {
        while (loadNextChunk(ctx)) {
            // keep loading
        }
    }

    /** CSV of one chunk, the layout of POST /api/observations. */
    String chunkCsv(int chunk) {
        int perIndicator = (WEEKS + WEEKS_PER_CHUNK - 1) / WEEKS_PER_CHUNK;
        int ind = chunk / perIndicator;
        int firstWeek = (chunk % perIndicator) * WEEKS_PER_CHUNK;
        StringBuilder sb = new StringBuilder(rowsPerChunk() * 60);
        sb.append("indicator_code,scope,period,value,as_of,source_doc\n");
        for (int w = firstWeek; w < Math.min(WEEKS, firstWeek + WEEKS_PER_CHUNK); w++) {
            Period week = weeks.get(w);
            String asOf = week.end().plusDays(2).toString();
            for (int c = 0; c < communes.size(); c++) {
                sb.append(indicator(ind)).append(',').append(communes.get(c)).append(',').append(week.code()).append(',')
                        .append(value(ind, c, w)).append(',').append(asOf).append(",bench\n");
            }
        }
        return sb.toString();
    }

    /** Deterministic percentage with two decimals, rising over the weeks. */
    static String value(int indicator, int commune, int week) {
        int hundredths = 4000 + (week * 37) + ((commune * 7919 + indicator * 104729 + week * 31) % 2000);
        return String.format(Locale.ROOT, "%d.%02d", Math.min(10000, hundredths) / 100, Math.min(10000, hundredths) % 100);
    }

    private void createIndicators(BenchContext ctx) throws Exception {
        try (Connection c = ctx.jdbc();
                PreparedStatement ps = c.prepareStatement("INSERT INTO indicator (code, name, name_folded, unit,"
                        + " direction, aggregation, period_type, decimals, min_value, max_value, built_in, version,"
                        + " created_at, updated_at) SELECT ?, ?, ?, 'PERCENT', 'HIGHER_BETTER', 'AVERAGE', 'WEEK', 2, 0,"
                        + " 100, FALSE, 0, ?, ? FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM indicator WHERE code = ?)")) {
            LocalDateTime now = LocalDateTime.now();
            for (int i = 0; i < 2 * indicators; i++) {
                // BENCH_WEEK_BASE_… receive the ingest baseline's hand-written inserts of the same rows.
                String code = i < indicators ? indicator(i) : baseIndicator(i - indicators);
                ps.setString(1, code);
                ps.setString(2, "Tỷ lệ thử nghiệm theo tuần " + code);
                ps.setString(3, code.toLowerCase(Locale.ROOT) + " ty le thu nghiem theo tuan");
                ps.setObject(4, now);
                ps.setObject(5, now);
                ps.setString(6, code);
                ps.addBatch();
            }
            ps.executeBatch();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

}
