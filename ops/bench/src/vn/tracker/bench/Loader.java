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
        for (Path chunk : chunks) {
            long t = System.nanoTime();
            var report = importer.importAll(CsvSource.directory(chunk));
            long n = report.created() + report.updated();
            rows += n;
            long[] kind = perKind.computeIfAbsent(kindOf(chunk), k -> new long[2]);
            kind[0] += n;
            kind[1] += System.nanoTime() - t;
            done++;
            if (done % 20 == 0 || done == chunks.size()) {
                double s = (System.nanoTime() - start) / 1e9;
                Log.info("imported %d/%d chunks, %d rows, %.0f rows/s (%s)", done, chunks.size(), rows, rows / s,
                        kindOf(chunk));
            }
        }
        ctx.record("import_rows", rows);
        ctx.record("import_rows_per_s", Math.round(rows / ((System.nanoTime() - start) / 1e9)));
        perKind.forEach((kind, v) -> {
            ctx.record("import_" + kind + "_rows", v[0]);
            ctx.record("import_" + kind + "_rows_per_s", Math.round(v[0] / (v[1] / 1e9)));
        });
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
