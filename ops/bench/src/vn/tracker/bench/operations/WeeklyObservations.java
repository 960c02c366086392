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
import vn.tracker.bench.Log;
import vn.tracker.indicator.IngestResult;
import vn.tracker.indicator.ObservationIngestService;
import vn.tracker.indicator.Period;
import vn.tracker.indicator.PeriodType;

/**
 * The weekly dataset of the indicator benchmarks (issue 6): indicators BENCH_WEEK_001… (a
 * percentage averaged across agencies), one value per commune and ISO week for the 104 weeks up to
 * the run's as-of date: 50 indicators × 3,321 communes × 104 weeks ≈ 17M observations at full
 * scale (BENCH_WEEKLY_INDICATORS overrides the count; with --quick as many as 25 timed calls need). It is cut into chunks of one
 * indicator × some weeks × every commune (about 10,000 rows), loaded through the product's own
 * import path ({@link ObservationIngestService#importCsv}, the code behind POST /api/observations):
 * the ingest operation times chunks one by one, the series operation loads whatever is left.
 * Beyond --quick, only the first indicators ({@link #reservedIndicators}, enough for the ingest
 * operation's calls) are left to the operations: {@link #preload} loads all the others before
 * timing starts, in parallel streams as a real loader would, so ingest and series are timed on
 * the full table.
 */
public final class WeeklyObservations {

    static final int WEEKS = 104;
    /** Rows per ingest call aimed at: about what one recordObservations call may carry (half with --quick). */
    static final int ROWS_PER_CHUNK = 10_000;
    /** Calls the runner makes in quick mode (25 warm-up + 20 rounds), each needing a fresh chunk. */
    static final int QUICK_CALLS = 50;

    private static WeeklyObservations instance;
    /** Set by the runner before anything loads: --quick keeps everything for the operations. */
    private static boolean quick = true;
    private static int ingestCalls = QUICK_CALLS;

    final List<String> communes = new ArrayList<>();
    final List<String> provinces = new ArrayList<>();
    final List<Period> weeks;
    final int indicators;
    /** Weeks per chunk: every commune for that many weeks is about {@link #ROWS_PER_CHUNK} rows. */
    final int weeksPerChunk;
    /** Indicators whose chunks the operations load (the rest are preloaded, except with --quick). */
    final int reservedIndicators;
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
        // The largest divisor of 104 weeks giving at most ~10,000 rows, so every call has as many rows.
        boolean full = communes.size() >= 3000;
        int target = Math.max(1, (full ? ROWS_PER_CHUNK : ROWS_PER_CHUNK / 2) / Math.max(1, communes.size()));
        int weeks = 1;
        for (int d : new int[] {1, 2, 4, 8, 13, 26, 52, 104}) {
            if (d <= target) {
                weeks = d;
            }
        }
        weeksPerChunk = weeks;
        int chunksPerIndicator = (WEEKS + weeksPerChunk - 1) / weeksPerChunk;
        int forCalls = Math.max(1, (ingestCalls + chunksPerIndicator - 1) / chunksPerIndicator);
        indicators = configured != null ? Integer.parseInt(configured) : full ? 50
                : quick ? Math.max(2, forCalls) : Math.max(forCalls + 2, 10);
        reservedIndicators = quick ? indicators : Math.min(indicators, forCalls);
        createIndicators(ctx);
    }

    /**
     * Observations deleted behind the product's back: their packs (observation_pack, a build with
     * packed series) go with them, or a series would still read them.
     */
    static void deletePacks(Statement st, String indicatorIds) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = 'observation_pack'")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return;
            }
        }
        st.executeUpdate("DELETE FROM observation_pack WHERE indicator_id IN (" + indicatorIds + ")");
    }

    /** Called by the runner before any operation: the mode and how many ingest calls will be timed. */
    public static synchronized void configure(boolean quickRun, int calls) {
        quick = quickRun;
        ingestCalls = Math.max(1, calls);
        instance = null;
    }

    /**
     * Loads every indicator beyond the reserved ones through the product's CSV ingest, in
     * {@code streams} parallel streams (each chunk its own all-or-nothing request, as parallel
     * uploads would be). Untimed by the runner; its own rows/s go into the report.
     */
    public static void preload(BenchContext ctx, int streams, int calls) throws Exception {
        configure(false, calls);
        WeeklyObservations data = of(ctx);
        // Resumable (an interrupted load, a --reuse run with other round counts): complete
        // indicators stay, an incomplete one is emptied and loaded again.
        List<Integer> chunks = new ArrayList<>();
        long complete = (long) WEEKS * data.communes.size();
        try (Connection c = ctx.newConnection(); Statement st = c.createStatement()) {
            java.util.Map<String, Long> counts = new java.util.HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT i.code, COUNT(o.id) FROM indicator i JOIN observation o"
                    + " ON o.indicator_id = i.id WHERE i.code LIKE 'BENCH\\_WEEK\\_0%' GROUP BY i.code")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            for (int i = data.reservedIndicators; i < data.indicators; i++) {
                long n = counts.getOrDefault(indicator(i), 0L);
                if (n == complete) {
                    continue;
                }
                if (n > 0) {
                    st.executeUpdate("DELETE FROM observation WHERE indicator_id = (SELECT id FROM indicator WHERE code = '"
                            + indicator(i) + "')");
                    deletePacks(st, "SELECT id FROM indicator WHERE code = '" + indicator(i) + "'");
                }
                for (int k = 0; k < data.chunksPerIndicator(); k++) {
                    chunks.add(i * data.chunksPerIndicator() + k);
                }
            }
        }
        if (chunks.isEmpty()) {
            Log.info("weekly data: all %d indicators beyond the %d reserved are loaded", data.indicators
                    - data.reservedIndicators, data.reservedIndicators);
            return;
        }
        int last = chunks.size();
        java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        Log.info("weekly data: loading %d chunks (%d rows each) in %d streams; %d indicators reserved for ingest",
                last, data.rowsPerChunk(), streams, data.reservedIndicators);
        vn.tracker.bench.ParallelStreams.run(streams, last, n -> {
            data.loadChunkRetrying(ctx, chunks.get(n));
            long done = rows.addAndGet(data.rowsPerChunk());
            if (n % 100 == 0) {
                double secs = (System.nanoTime() - start) / 1e9;
                Log.info("weekly data: %d rows loaded, %.0f rows/s", done, done / secs);
            }
        });
        double secs = (System.nanoTime() - start) / 1e9;
        ctx.record("weekly_preload_rows", rows.get());
        ctx.record("weekly_preload_streams", streams);
        ctx.record("weekly_preload_s", String.format(Locale.ROOT, "%.0f", secs));
        ctx.record("weekly_preload_rows_per_s", Math.round(rows.get() / secs));
        Log.info("weekly data: %d rows in %.0f s, %.0f rows/s", rows.get(), secs, rows.get() / secs);
        try (Connection c = ctx.newConnection(); Statement st = c.createStatement()) {
            st.execute("ANALYZE TABLE observation");
        }
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
        return indicators * chunksPerIndicator();
    }

    int chunksPerIndicator() {
        return (WEEKS + weeksPerChunk - 1) / weeksPerChunk;
    }

    /** Chunks left to the operations: the reserved indicators' (all of them with --quick). */
    int reservedChunks() {
        return reservedIndicators * chunksPerIndicator();
    }

    /** The reserved indicators' codes and their baseline twins: what a --reuse run empties again. */
    List<String> reservedCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < reservedIndicators; i++) {
            codes.add(indicator(i));
        }
        for (int i = 0; i < indicators; i++) {
            codes.add(baseIndicator(i));
        }
        return codes;
    }

    int rowsPerChunk() {
        return weeksPerChunk * communes.size();
    }

    /** Loads the next chunk through the product; false when everything is loaded. */
    synchronized boolean loadNextChunk(BenchContext ctx) {
        if (nextChunk >= reservedChunks()) {
            return false;
        }
        loadChunk(ctx, nextChunk++);
        return true;
    }

    /**
     * Parallel streams: two uploads creating the same new observation packs may collide, and the
     * product then answers "recorded concurrently, retry" (nothing written); a loader retries.
     */
    private void loadChunkRetrying(BenchContext ctx, int chunk) {
        for (int attempt = 1; ; attempt++) {
            try {
                loadChunk(ctx, chunk);
                return;
            } catch (vn.tracker.common.ConflictException e) {
                if (attempt == 5) {
                    throw e;
                }
                Log.info("weekly data: chunk %d collided with another stream, retrying", chunk);
            }
        }
    }

    private void loadChunk(BenchContext ctx, int chunk) {
        String csv = chunkCsv(chunk);
        IngestResult result = ctx.bean(ObservationIngestService.class).importCsv(new StringReader(csv));
        if (!result.ok()) {
            throw new IllegalStateException("bench ingest refused: " + result.errors().subList(0,
                    Math.min(3, result.errors().size())));
        }
    }

    void loadRemaining(BenchContext ctx) {
        while (loadNextChunk(ctx)) {
            // keep loading
        }
    }

    /** CSV of one chunk, the layout of POST /api/observations. */
    String chunkCsv(int chunk) {
        int perIndicator = (WEEKS + weeksPerChunk - 1) / weeksPerChunk;
        int ind = chunk / perIndicator;
        int firstWeek = (chunk % perIndicator) * weeksPerChunk;
        StringBuilder sb = new StringBuilder(rowsPerChunk() * 60);
        sb.append("indicator_code,scope,period,value,as_of,source_doc\n");
        for (int w = firstWeek; w < Math.min(WEEKS, firstWeek + weeksPerChunk); w++) {
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
                PreparedStatement exists = c.prepareStatement("SELECT COUNT(*) FROM indicator WHERE code = ?");
                PreparedStatement ps = c.prepareStatement("INSERT INTO indicator (code, name, name_folded, unit,"
                        + " direction, aggregation, period_type, decimals, min_value, max_value, built_in, version,"
                        + " created_at, updated_at) VALUES (?, ?, ?, 'PERCENT', 'HIGHER_BETTER', 'AVERAGE', 'WEEK', 2,"
                        + " 0, 100, FALSE, 0, ?, ?)")) {
            LocalDateTime now = LocalDateTime.now();
            for (int i = 0; i < 2 * indicators; i++) {
                // BENCH_WEEK_BASE_… receive the ingest baseline's hand-written inserts of the same rows.
                String code = i < indicators ? indicator(i) : baseIndicator(i - indicators);
                exists.setString(1, code);
                try (ResultSet rs = exists.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        continue;
                    }
                }
                ps.setString(1, code);
                ps.setString(2, "Tỷ lệ thử nghiệm theo tuần " + code);
                ps.setString(3, code.toLowerCase(Locale.ROOT) + " ty le thu nghiem theo tuan");
                ps.setObject(4, now);
                ps.setObject(5, now);
                ps.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
