package vn.tracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tracker.TrackerApplication;

/**
 * ops/bench/run: generates the dataset, loads it through the product's importer, starts the
 * product in this JVM on a free port against the same database, and times every operation
 * against its hand-written JDBC baseline. With --quick, stdout is exactly one line:
 * {@code task_page_ratio=<x> review_ratio=<y> stats_ratio=<z> …}.
 */
public final class BenchMain {

    /** Fixed as-of date: the generator spreads deadlines and reports around it, so runs compare. */
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        boolean quick = opts.containsKey("quick");
        Scale scale = quick ? Scale.quick() : opts.containsKey("scale")
                ? Scale.fraction(Double.parseDouble(opts.get("scale"))) : Scale.full();
        if (opts.containsKey("chunk-rows")) {
            scale = scale.withChunkRows(Integer.parseInt(opts.get("chunk-rows")));
        }
        Path work = Path.of(opts.getOrDefault("work", "target/bench"));
        Files.createDirectories(work);
        String jdbcUrl = opts.getOrDefault("jdbc-url", "jdbc:mariadb://127.0.0.1:3306/tracker_bench");
        String user = opts.getOrDefault("user", "tracker_bench");
        String password = opts.getOrDefault("password", "tracker_bench_pw");
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", quick ? "25" : "100"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", quick ? "20" : "100"));
        double warmupSeconds = Double.parseDouble(opts.getOrDefault("warmup-seconds", quick ? "8" : "30"));
        Log.info("scale %s", scale);
        long started = System.nanoTime();

        String token = "bench-" + UUID.randomUUID();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        props.put("tracker.security.bootstrap-admin-token", token);
        props.put("tracker.import.sample", "false");
        // One token sends every request: the per-token and per-address limits would throttle the run.
        props.put("tracker.security.rate-limit.per-token", "100000000");
        props.put("tracker.security.rate-limit.per-address", "100000000");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.file.name", work.resolve("app.log").toString());
        props.put("logging.threshold.console", "OFF");
        // Command-line arguments: they outrank application.yml (default properties would not).
        String[] appArgs = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("mysql").logStartupInfo(false).run(appArgs);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        BenchContext ctx = new BenchContext(app, port, token, jdbcUrl, user, password, AS_OF);
        Log.info("product started on port %d in %.1f s", port, (System.nanoTime() - started) / 1e9);
        int exit = 0;
        try {
            List<String> only = opts.containsKey("only") ? List.of(opts.get("only").split(",")) : null;
            List<BenchOperation> selected = Operations.all().stream()
                    .filter(op -> only == null ? op.runsByDefault() : only.contains(op.name())).toList();
            // Only the indicator operations selected: agencies suffice, skip hours of task data.
            boolean taskData = selected.stream().anyMatch(BenchOperation::needsTaskData);
            vn.tracker.bench.operations.WeeklyObservations.configure(quick, warmup + rounds);
            boolean reuse = opts.containsKey("reuse");
            if (!reuse || opts.containsKey("load-observations")) {
                Path data = work.resolve("data-" + scale.name().replaceAll("[^A-Za-z0-9.]", "_")
                        + (taskData ? "" : "-agencies"));
                List<Path> chunks = generate(scale, data, taskData);
                // The monthly observations go through the product's CSV ingest, not the importer's
                // row-by-row observation path (hours at national scale). --no-observations skips
                // them (the task operations do not read them); --reuse --load-observations adds
                // them later to a database loaded without.
                List<Path> observationChunks = chunks.stream().filter(Loader::isObservations).toList();
                Loader loader = new Loader(ctx, scale);
                if (!reuse) {
                    loader.importChunks(chunks.stream().filter(c -> !Loader.isObservations(c)).toList());
                    loader.taskImportBaseline();
                    if (taskData) {
                        loader.writeHistory();
                    }
                }
                if (opts.containsKey("no-observations")) {
                    ctx.record("observations_loaded", "none beyond the base chunk's probes (--no-observations)");
                } else if (!observationChunks.isEmpty()) {
                    loader.ingestObservations(observationChunks, loadStreams());
                }
            }
            if (!quick && selected.stream().anyMatch(op -> op.name().equals("ingest") || op.name().equals("series"))) {
                // Beyond --quick the weekly observations (~17M at national scale) are loaded here,
                // untimed, in parallel streams through the product's ingest path (with --reuse only
                // what is missing); the ingest operation then times its reserved indicators on the
                // full table.
                vn.tracker.bench.operations.WeeklyObservations.preload(ctx, loadStreams(), warmup + rounds);
            }
            recordCounts(ctx);
            Log.info("data ready after %.1f s: %s", (System.nanoTime() - started) / 1e9, ctx.facts());
            Runner runner = new Runner(warmup, warmupSeconds, rounds);
            List<OperationResult> results = new ArrayList<>();
            Map<String, String> summary = new LinkedHashMap<>();
            // Loading is done: only the timed part holds the machine-wide benchmark lock.
            BenchLock lock = BenchLock.acquire(opts.getOrDefault("lock", System.getenv("BENCH_LOCK")));
            try {
            for (BenchOperation op : selected) {
                OperationResult result = runner.run(op, ctx);
                results.add(result);
                summary.putAll(op.summary(result));
            }
            } finally {
                lock.close();
            }
            String line = summary.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            String report = report(scale, results, ctx, line, (System.nanoTime() - started) / 1e9);
            Path reportFile = work.resolve("report-" + scale.name().replaceAll("[^A-Za-z0-9.]", "_") + ".txt");
            Files.writeString(reportFile, report, StandardCharsets.UTF_8);
            if (quick) {
                System.err.print(report);
                System.out.println(line);
            } else {
                System.out.print(report);
            }
            Log.info("report written to %s", reportFile);
        } catch (Exception e) {
            Log.info("benchmark failed: %s", e);
            e.printStackTrace(System.err);
            exit = 1;
        } finally {
            ctx.closeBaselineConnection();
            app.close();
        }
        System.exit(exit);
    }

    /** Parallel ingest streams for the national weekly data (BENCH_LOAD_STREAMS, default 3). */
    private static int loadStreams() {
        String s = System.getenv("BENCH_LOAD_STREAMS");
        return s == null || s.isBlank() ? 3 : Integer.parseInt(s);
    }

    private static List<Path> generate(Scale scale, Path data, boolean taskData) throws IOException {
        Path marker = data.resolve("COMPLETE");
        String stamp = scale + " | generator " + Generator.VERSION + (taskData ? "" : " | agencies only");
        if (Files.exists(marker) && Files.readString(marker).equals(stamp)) {
            Log.info("reusing generated files in %s", data);
            try (Stream<Path> s = Files.list(data)) {
                return s.filter(Files::isDirectory).sorted().toList();
            }
        }
        if (Files.exists(data)) {
            try (Stream<Path> s = Files.walk(data)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
        long t = System.nanoTime();
        List<Path> chunks = new Generator(scale, AS_OF).write(data, taskData);
        Files.writeString(marker, stamp);
        Log.info("generated %d chunk folders in %.1f s", chunks.size(), (System.nanoTime() - t) / 1e9);
        return chunks;
    }

    private static void recordCounts(BenchContext ctx) throws Exception {
        try (Connection c = ctx.newConnection(); Statement st = c.createStatement()) {
            for (String table : List.of("agency", "directive", "task", "task_coordinator", "progress_report",
                    "annotation", "indicator", "observation")) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    ctx.record("rows_" + table, rs.getLong(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT SUM(CASE WHEN " + HealthSql.atRisk(ctx.asOf())
                    + " THEN 1 ELSE 0 END), SUM(CASE WHEN " + HealthSql.overdue(ctx.asOf()) + " THEN 1 ELSE 0 END) FROM task t")) {
                rs.next();
                ctx.record("tasks_at_risk", rs.getLong(1));
                ctx.record("tasks_overdue", rs.getLong(2));
            }
        }
    }

    private static String report(Scale scale, List<OperationResult> results, BenchContext ctx, String line,
            double seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "# ops/bench run %s, as of %s, %.0f s in all%n", LocalDateTime.now().withNano(0),
                AS_OF, seconds));
        sb.append("# scale ").append(scale).append('\n');
        sb.append("# cores ").append(Runtime.getRuntime().availableProcessors())
                .append(", load average ").append(loadAverage()).append(" (shared machine: absolute times vary, ratios less)\n");
        ctx.facts().forEach((k, v) -> sb.append("# ").append(k).append(" = ").append(v).append('\n'));
        sb.append(String.format(Locale.ROOT, "%-14s %12s %12s %12s %12s %7s %10s  %s%n", "operation", "product_ms",
                "product_p95", "baseline_ms", "baseline_p95", "ratio", "stmts/req", "answers"));
        for (OperationResult r : results) {
            if (r.measured()) {
                sb.append(String.format(Locale.ROOT, "%-14s %12.2f %12.2f %12.2f %12.2f %7s %10.1f  %s%n", r.name(),
                        r.productMedianMs(), r.productP95Ms(), r.baselineMedianMs(), r.baselineP95Ms(), r.ratioText(),
                        r.statementsPerRequest(), r.answerCheck()));
            } else {
                sb.append(String.format(Locale.ROOT, "%-14s %s%n", r.name(), "not measured: " + r.note()));
            }
        }
        sb.append(line).append('\n');
        return sb.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                opts.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                opts.put(key, args[++i]);
            } else {
                opts.put(key, "true");
            }
        }
        return opts;
    }
}
