package vn.tracker.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.tracker.dataimport.CsvImporter;
import vn.tracker.dataimport.CsvSource;

/**
 * Loads the generated dataset. Agencies, directives, indicators, tasks and observations go
 * through the product's own importer ({@link CsvImporter}, the code behind
 * {@code --tracker.import.dir}), one chunk folder per import transaction. The product has no bulk
 * import for progress-report and annotation history (they are entered one at a time through
 * mutations), so those rows, and the start dates the CSV layout has no column for, are written
 * with JDBC batches into the same tables the product reads.
 */
final class Loader {

    private final BenchContext ctx;
    private final Scale scale;
    private final SplittableRandom random = new SplittableRandom(57L);
    /** Task chunks the hand-written baseline re-imports (the first ones), with the product's time for them. */
    static final int BASELINE_CHUNKS = 40;
    private final List<Path> taskSample = new ArrayList<>();
    private long taskSampleNanos;
    private long taskSampleRows;

    Loader(BenchContext ctx, Scale scale) {
        this.ctx = ctx;
        this.scale = scale;
    }

    void importChunks(List<Path> chunks) {
        CsvImporter importer = ctx.bean(CsvImporter.class);
        long rows = 0;
        long start = System.nanoTime();
        int done = 0;
        // Rows and seconds per kind of chunk (000-base, 1xxxxx-tasks, 2xxxxx-observations): the
        // kinds go through different import code, so one overall rate would hide each one's speed.
        java.util.Map<String, long[]> perKind = new java.util.LinkedHashMap<>();
        long taskCpu = 0;
        long taskRows = 0;
        for (Path chunk : chunks) {
            long t = System.nanoTime();
            long cpu = processCpuNanos();
            var report = importer.importAll(CsvSource.directory(chunk));
            long n = report.created() + report.updated();
            rows += n;
            long[] kind = perKind.computeIfAbsent(kindOf(chunk), k -> new long[2]);
            kind[0] += n;
            kind[1] += System.nanoTime() - t;
            if (kindOf(chunk).equals("tasks")) {
                taskCpu += processCpuNanos() - cpu;
                taskRows += n;
            }
            if (kindOf(chunk).equals("tasks") && taskSample.size() < BASELINE_CHUNKS) {
                taskSample.add(chunk);
                taskSampleNanos += System.nanoTime() - t;
                taskSampleRows += n;
            }
            done++;
            if (done % 20 == 0 || done == chunks.size()) {
                double s = (System.nanoTime() - start) / 1e9;
                Log.info("imported %d/%d chunks, %d rows, %.0f rows/s (%s)", done, chunks.size(), rows, rows / s,
                        kindOf(chunk));
            }
        }
        ctx.record("import_rows", rows);
        ctx.record("import_rows_per_s", Math.round(rows / ((System.nanoTime() - start) / 1e9)));
        if (taskRows > 0) {
            // CPU of this JVM (importer, Hibernate, driver) per 1,000 task rows: moves far less with
            // the machine's load than rows/s; MariaDB's own CPU is not in it.
            ctx.record("import_tasks_jvm_cpu_ms_per_1000_rows", String.format(java.util.Locale.ROOT, "%.0f",
                    taskCpu / 1e6 / (taskRows / 1000.0)));
        }
        perKind.forEach((kind, v) -> {
            ctx.record("import_" + kind + "_rows", v[0]);
            ctx.record("import_" + kind + "_rows_per_s", Math.round(v[0] / (v[1] / 1e9)));
        });
    }

    /**
     * The monthly observations (2xxxxx-observations chunks) through the product's CSV ingest
     * ({@code ObservationIngestService.importCsv}, the code behind POST /api/observations), which
     * validates and writes a request in batches: the importer's observation path looks each row up
     * and saves it through JPA (tens of rows/s), hopeless for 10M rows. Calls of ~10,000 rows (whole
     * rows of chunk files), in {@code streams} parallel streams as parallel uploads would be; each call is
     * all-or-nothing and must be accepted whole.
     */
    void ingestObservations(List<Path> chunks, int streams) throws Exception {
        vn.tracker.indicator.ObservationIngestService ingest = ctx.bean(vn.tracker.indicator.ObservationIngestService.class);
        int perCall = Math.max(1, 10_000 / scale.chunkRows());
        int calls = (chunks.size() + perCall - 1) / perCall;
        java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        Log.info("observations: %d chunk files in %d ingest calls, %d streams", chunks.size(), calls, streams);
        ParallelStreams.run(streams, calls, n -> {
            StringBuilder csv = new StringBuilder(1 << 20);
            for (Path chunk : chunks.subList(n * perCall, Math.min(chunks.size(), (n + 1) * perCall))) {
                List<String> lines = java.nio.file.Files.readAllLines(chunk.resolve("observations.csv"));
                for (int i = csv.length() == 0 ? 0 : 1; i < lines.size(); i++) {
                    csv.append(lines.get(i)).append('\n');
                }
            }
            vn.tracker.indicator.IngestResult result = ingestRetrying(ingest, csv.toString(), n);
            if (!result.ok()) {
                throw new IllegalStateException("observation ingest refused: "
                        + result.errors().subList(0, Math.min(3, result.errors().size())));
            }
            long done = rows.addAndGet(result.rows());
            if (n % 50 == 0) {
                Log.info("observations: %d rows, %.0f rows/s", done, done / ((System.nanoTime() - start) / 1e9));
            }
        });
        double secs = (System.nanoTime() - start) / 1e9;
        ctx.record("import_observations_rows", rows.get());
        ctx.record("import_observations_rows_per_s", Math.round(rows.get() / secs));
        ctx.record("import_observations_streams", streams);
        Log.info("observations: %d rows in %.0f s, %.0f rows/s", rows.get(), secs, rows.get() / secs);
    }

    /**
     * The same task chunks written by hand-written SQL: each file parsed, codes resolved from maps
     * read once, rows and coordinators inserted with multi-row INSERTs (500 rows per statement),
     * one commit per chunk, into twin tables ({@code CREATE TABLE … LIKE}, dropped afterwards). No
     * validation, upsert look-up, derived search text or audit: the floor for the product's import.
     * Records {@code import_tasks_baseline_rows_per_s} and {@code import_tasks_ratio} (product
     * time / baseline time on the same chunks).
     */
    void taskImportBaseline() throws Exception {
        if (taskSample.isEmpty()) {
            return;
        }
        try (Connection c = ctx.newConnection(); Statement st = c.createStatement()) {
            java.util.Map<String, Long> agencies = new java.util.HashMap<>();
            java.util.Map<String, long[]> directives = new java.util.HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT code, id FROM agency")) {
                while (rs.next()) {
                    agencies.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT code, id, issued_on FROM directive")) {
                while (rs.next()) {
                    java.sql.Date issued = rs.getDate(3);
                    directives.put(rs.getString(1), new long[] {rs.getLong(2),
                            issued == null ? Long.MIN_VALUE : issued.toLocalDate().toEpochDay()});
                }
            }
            st.execute("DROP TABLE IF EXISTS bench_task_twin, bench_task_coordinator_twin");
            st.execute("CREATE TABLE bench_task_twin LIKE task");
            st.execute("CREATE TABLE bench_task_coordinator_twin LIKE task_coordinator");
            c.setAutoCommit(false);
            long rows = 0;
            long t0 = System.nanoTime();
            for (Path chunk : taskSample) {
                rows += baselineChunk(c, chunk, agencies, directives);
                c.commit();
            }
            long nanos = System.nanoTime() - t0;
            c.setAutoCommit(true);
            st.execute("DROP TABLE bench_task_twin, bench_task_coordinator_twin");
            double product = taskSampleRows / (taskSampleNanos / 1e9);
            double baseline = rows / (nanos / 1e9);
            ctx.record("import_tasks_sample", taskSample.size() + " chunks, " + rows + " rows");
            ctx.record("import_tasks_sample_rows_per_s", Math.round(product));
            ctx.record("import_tasks_baseline_rows_per_s", Math.round(baseline));
            ctx.record("import_tasks_ratio", String.format(java.util.Locale.ROOT, "%.2f", baseline / product));
            Log.info("task import: product %.0f rows/s, hand-written SQL %.0f rows/s on the same %d chunks",
                    product, baseline, taskSample.size());
        }
    }

    private static int baselineChunk(Connection c, Path chunk, java.util.Map<String, Long> agencies,
            java.util.Map<String, long[]> directives) throws Exception {
        List<org.apache.commons.csv.CSVRecord> records;
        try (var reader = java.nio.file.Files.newBufferedReader(chunk.resolve("tasks.csv"));
             var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .get().parse(reader)) {
            records = parser.getRecords();
        }
        Timestamp now = Timestamp.valueOf(java.time.LocalDateTime.now());
        for (int from = 0; from < records.size(); from += 500) {
            List<org.apache.commons.csv.CSVRecord> part = records.subList(from, Math.min(records.size(), from + 500));
            StringBuilder sql = new StringBuilder("INSERT INTO bench_task_twin (code, province_code, title, directive_id, "
                    + "lead_agency_id, due_on, status, progress, result, source_doc, search_folded, start_day, due_day, "
                    + "version, created_at, updated_at) VALUES ");
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int k = 1;
                for (org.apache.commons.csv.CSVRecord r : part) {
                    long[] directive = directives.get(r.get("directive_code"));
                    LocalDate due = parseDay(r.get("due_on"));
                    ps.setString(k++, r.get("code"));
                    ps.setString(k++, r.get("province"));
                    ps.setString(k++, r.get("title"));
                    ps.setObject(k++, directive == null ? null : directive[0]);
                    ps.setLong(k++, agencies.get(r.get("lead_agency_code")));
                    ps.setObject(k++, due);
                    ps.setString(k++, r.get("status"));
                    ps.setInt(k++, "COMPLETED".equals(r.get("status")) ? 100 : 0);
                    ps.setString(k++, r.get("result").isEmpty() ? null : r.get("result"));
                    ps.setString(k++, r.get("source_doc"));
                    ps.setString(k++, (r.get("code") + " " + r.get("title")).toLowerCase(java.util.Locale.ROOT));
                    ps.setObject(k++, directive == null || directive[1] == Long.MIN_VALUE ? null : (int) directive[1]);
                    ps.setObject(k++, due == null ? null : (int) due.toEpochDay());
                    ps.setTimestamp(k++, now);
                    ps.setTimestamp(k++, now);
                }
                ps.executeUpdate();
            }
            java.util.Map<String, Long> ids = new java.util.HashMap<>();
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < part.size(); i++) {
                in.append(i == 0 ? "?" : ", ?");
            }
            // The generator's codes carry their province (NV-P01-…): the code alone is unique.
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code FROM bench_task_twin WHERE code IN (" + in + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i).get("code"));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }
                }
            }
            List<long[]> pairs = new ArrayList<>();
            for (org.apache.commons.csv.CSVRecord r : part) {
                Long id = ids.get(r.get("code"));
                for (String code : r.get("coordinating_agency_codes").split(";")) {
                    if (!code.isBlank() && id != null) {
                        pairs.add(new long[] {id, agencies.get(code.strip())});
                    }
                }
            }
            if (!pairs.isEmpty()) {
                StringBuilder sql2 = new StringBuilder("INSERT INTO bench_task_coordinator_twin (task_id, agency_id) VALUES ");
                for (int i = 0; i < pairs.size(); i++) {
                    sql2.append(i == 0 ? "(?, ?)" : ", (?, ?)");
                }
                try (PreparedStatement ps = c.prepareStatement(sql2.toString())) {
                    int k = 1;
                    for (long[] p : pairs) {
                        ps.setLong(k++, p[0]);
                        ps.setLong(k++, p[1]);
                    }
                    ps.executeUpdate();
                }
            }
        }
        return records.size();
    }

    /** The generator's deadlines: a date, "Tháng m/yyyy" (month end) or "Quý q năm yyyy" (quarter end). */
    private static LocalDate parseDay(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.startsWith("Tháng ")) {
            String[] mY = text.substring(6).split("/");
            return LocalDate.of(Integer.parseInt(mY[1]), Integer.parseInt(mY[0]), 1).plusMonths(1).minusDays(1);
        }
        if (text.startsWith("Quý ")) {
            int q = text.charAt(4) - '0';
            int year = Integer.parseInt(text.substring(text.length() - 4));
            return LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
        }
        return LocalDate.parse(text);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static boolean isObservations(Path chunk) {
        return chunk.getFileName().toString().endsWith("-observations");
    }

    /**
     * Parallel streams: two calls writing the same observation pack (one indicator × agency ×
     * year; a call boundary may split an agency's months) can collide, and the product answers
     * "recorded concurrently, retry" with nothing written; a loader retries.
     */
    private static vn.tracker.indicator.IngestResult ingestRetrying(vn.tracker.indicator.ObservationIngestService ingest,
            String csv, int call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ingest.importCsv(new java.io.StringReader(csv));
            } catch (vn.tracker.common.ConflictException e) {
                if (attempt == 5) {
                    throw e;
                }
                Log.info("observations: call %d collided with another stream, retrying", call);
            }
        }
    }

    private static String kindOf(Path chunk) {
        String name = chunk.getFileName().toString();
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(dash + 1);
    }

    /** Progress reports, annotations, start dates, progress and last-report dates of the generated tasks. */
    void writeHistory() throws Exception {
        long start = System.nanoTime();
        try (Connection c = ctx.newConnection()) {
            c.setAutoCommit(false);
            List<long[]> tasks = new ArrayList<>(); // id, status ordinal-ish, due epoch day or MIN
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, status FROM task WHERE source_doc = 'bench-generator' ORDER BY id")) {
                while (rs.next()) {
                    tasks.add(new long[] {rs.getLong(1), statusCode(rs.getString(2))});
                }
            }
            int asOfDay = (int) ctx.asOf().toEpochDay();
            try (Statement st = c.createStatement()) {
                // The CSV layout has no start date: derive one 30–330 days before the due date (or
                // before the as-of date for tasks without a deadline), deterministic per id.
                st.executeUpdate("UPDATE task SET start_on = DATE_SUB(due_on, INTERVAL (30 + MOD(id, 300)) DAY), "
                        + "start_day = due_day - (30 + MOD(id, 300)) WHERE source_doc = 'bench-generator' AND due_on IS NOT NULL");
                st.executeUpdate("UPDATE task SET start_on = DATE_SUB('" + ctx.asOf() + "', INTERVAL MOD(id, 400) DAY), "
                        + "start_day = " + asOfDay + " - MOD(id, 400) WHERE source_doc = 'bench-generator' AND due_on IS NULL");
                st.executeUpdate("UPDATE task SET progress = MOD(id * 37, 100) WHERE source_doc = 'bench-generator' "
                        + "AND status IN ('IN_PROGRESS', 'ONGOING')");
            }
            c.commit();
            insertProgressReports(c, tasks);
            insertAnnotations(c, tasks);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE task t JOIN (SELECT task_id, MAX(reported_on) last_on FROM progress_report "
                        + "GROUP BY task_id) r ON r.task_id = t.id SET t.last_report_on = r.last_on "
                        + "WHERE t.source_doc = 'bench-generator'");
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE TABLE task, progress_report, annotation, agency, directive, observation");
            }
        }
        Log.info("history written in %.1f s", (System.nanoTime() - start) / 1e9);
    }

    private static long statusCode(String status) {
        return switch (status) {
            case "COMPLETED" -> 0;
            case "IN_PROGRESS" -> 1;
            case "NOT_STARTED" -> 2;
            case "ONGOING" -> 3;
            default -> 4;
        };
    }

    private void insertProgressReports(Connection c, List<long[]> tasks) throws Exception {
        String[] names = {"COMPLETED", "IN_PROGRESS", "NOT_STARTED", "ONGOING", "CANCELLED"};
        Timestamp now = Timestamp.valueOf(ctx.asOf().atStartOfDay());
        long written = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO progress_report "
                + "(task_id, status, progress, result, reported_on, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int perTask = Math.max(1, (int) Math.round((double) scale.progressReports() / Math.max(1, tasks.size())));
            for (long[] t : tasks) {
                if (t[1] == 2 || written >= scale.progressReports()) {
                    continue; // not started: nothing reported
                }
                int n = 1 + random.nextInt(perTask * 2);
                int progress = 0;
                for (int k = 0; k < n && written < scale.progressReports(); k++) {
                    progress = Math.min(100, progress + 5 + random.nextInt(25));
                    LocalDate on = ctx.asOf().minusDays(random.nextInt(120) + (long) (n - k) * 7);
                    ps.setLong(1, t[0]);
                    ps.setString(2, names[(int) t[1]]);
                    ps.setInt(3, t[1] == 0 ? 100 : progress);
                    ps.setString(4, "Báo cáo tiến độ kỳ " + (k + 1));
                    ps.setObject(5, on);
                    ps.setString(6, "bench");
                    ps.setTimestamp(7, now);
                    ps.addBatch();
                    if (++written % 2000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            ps.executeBatch();
            c.commit();
        }
        ctx.record("progress_reports", written);
    }

    private void insertAnnotations(Connection c, List<long[]> tasks) throws Exception {
        List<Long> categories = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM reason_category ORDER BY id")) {
            while (rs.next()) {
                categories.add(rs.getLong(1));
            }
        }
        Timestamp created = Timestamp.valueOf(ctx.asOf().minusDays(10).atStartOfDay());
        long written = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotation (task_id, category_id, text, blocking, "
                + "raises_risk, resolved, created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            double share = Math.min(1.0, (double) scale.annotations() / Math.max(1, tasks.size()));
            for (long[] t : tasks) {
                if (written >= scale.annotations()) {
                    break;
                }
                int n = random.nextDouble() < share ? 1 + (random.nextInt(4) == 0 ? 1 : 0) : 0;
                for (int k = 0; k < n && written < scale.annotations(); k++) {
                    ps.setLong(1, t[0]);
                    ps.setLong(2, categories.get(random.nextInt(categories.size())));
                    ps.setString(3, "Vướng mắc về kinh phí và nhân lực, chờ hướng dẫn của Bộ (ghi chú " + (k + 1) + ")");
                    ps.setBoolean(4, random.nextInt(5) == 0);
                    ps.setBoolean(5, random.nextInt(10) == 0);
                    ps.setBoolean(6, random.nextInt(5) < 2);
                    ps.setString(7, "bench");
                    ps.setTimestamp(8, created);
                    ps.setTimestamp(9, created);
                    ps.addBatch();
                    if (++written % 2000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            ps.executeBatch();
            c.commit();
        }
        ctx.record("annotations", written);
    }
}
