package vn.tracker.bench;

import java.util.Objects;

/**
 * Times an operation: warm-up rounds (JIT, caches, buffer pool), then measured rounds that
 * alternate which side goes first, so neither profits systematically from the other's warm data.
 * Statements per request = growth of the product's statement tally over the measured product
 * calls (baselines use their own unproxied connection, so they do not count).
 */
final class Runner {

    private final int warmup;
    private final double warmupSeconds;
    private final int rounds;

    Runner(int warmup, double warmupSeconds, int rounds) {
        this.warmup = warmup;
        this.warmupSeconds = warmupSeconds;
        this.rounds = rounds;
    }

    OperationResult run(BenchOperation op, BenchContext ctx) {
        String reason = op.unsupportedReason(ctx);
        if (reason != null) {
            Log.info("%s: skipped (%s)", op.name(), reason);
            return OperationResult.unsupported(op.name(), reason);
        }
        try {
            op.prepare(ctx);
            String check = "not compared";
            for (int i = 0; i < warmup; i++) {
                Object p = op.product(ctx, i);
                Object b = op.baseline(ctx, i);
                if (i == 0 && p != null) {
                    check = Objects.equals(p, b) ? "same answer" : "ANSWERS DIFFER";
                    if (!Objects.equals(p, b)) {
                        Log.info("%s: product and baseline answers differ:%n  product  %s%n  baseline %s", op.name(),
                                abbreviate(p), abbreviate(b));
                    }
                }
            }
            // JIT warm-up by time as well: 25 rounds leave the product's deep call paths (HTTP,
            // security, GraphQL, JPA) interpreted or in C1 while the short JDBC baseline is already
            // compiled, so the ratio measured a cold server. Keep repeating the warm-up inputs until
            // warmupSeconds have passed. Not for writing operations (ingest), whose inputs are
            // prepared per iteration.
            long warmUntil = System.nanoTime() + (long) (warmupSeconds * 1e9);
            for (int i = 0; !op.name().startsWith("ingest") && warmup > 0 && System.nanoTime() < warmUntil
                    && i < 50 * warmup; i++) {
                op.product(ctx, i % warmup);
                op.baseline(ctx, i % warmup);
            }
            long[] product = new long[rounds];
            long[] baseline = new long[rounds];
            long statements = 0;
            long cpuBefore = cpuNanos();
            long appCpuBefore = appThreadsCpuNanos();
            long jitBefore = jitMillis();
            long baselineCpu = 0;
            long baselineAppCpu = 0;
            for (int i = 0; i < rounds; i++) {
                int it = warmup + i;
                long c0 = cpuNanos();
                long a0 = appThreadsCpuNanos();
                if (i % 2 == 0) {
                    statements += timeProduct(op, ctx, it, product, i);
                    long c1 = cpuNanos();
                    long a1 = appThreadsCpuNanos();
                    baseline[i] = time(() -> op.baseline(ctx, it));
                    baselineCpu += cpuNanos() - c1;
                    baselineAppCpu += appThreadsCpuNanos() - a1;
                } else {
                    baseline[i] = time(() -> op.baseline(ctx, it));
                    baselineCpu += cpuNanos() - c0;
                    baselineAppCpu += appThreadsCpuNanos() - a0;
                    statements += timeProduct(op, ctx, it, product, i);
                }
            }
            // CPU the JVM spent per product request (HTTP client + server, GraphQL, JPA, JSON; not
            // MariaDB's share): unlike the medians it hardly depends on how busy the machine is, and
            // it bounds what one instance can serve per core. The process figure also holds the JIT
            // compiler and GC threads: after a short warm-up C2 is still compiling the product's
            // long call paths, so it is also given without them (the application's own threads:
            // request, client, JDBC) and with the JIT's share on its own.
            double productCpuMs = (cpuNanos() - cpuBefore - baselineCpu) / 1e6 / rounds;
            ctx.record(op.name() + "_product_cpu_ms_per_request", String.format(java.util.Locale.ROOT, "%.2f", productCpuMs));
            double appCpuMs = (appThreadsCpuNanos() - appCpuBefore - baselineAppCpu) / 1e6 / rounds;
            ctx.record(op.name() + "_product_thread_cpu_ms_per_request",
                    String.format(java.util.Locale.ROOT, "%.2f", appCpuMs));
            ctx.record(op.name() + "_jit_ms_per_round",
                    String.format(java.util.Locale.ROOT, "%.2f", (double) (jitMillis() - jitBefore) / rounds));
            OperationResult result = new OperationResult(op.name(), product, baseline, (double) statements / rounds,
                    check, "");
            Log.info("%s: product %.2f ms, baseline %.2f ms, ratio %s, %.1f statements/request, %s", op.name(),
                    result.productMedianMs(), result.baselineMedianMs(), result.ratioText(),
                    result.statementsPerRequest(), check);
            return result;
        } catch (Exception e) {
            Log.info("%s: FAILED %s", op.name(), e);
            return OperationResult.unsupported(op.name(), "failed: " + e.getMessage());
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU of the JVM's application threads (JIT compiler threads are hidden from this list, GC threads are not Java threads). */
    private static long appThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    /** Time the JIT compilers spent so far (all compiler threads), in ms. */
    private static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long timeProduct(BenchOperation op, BenchContext ctx, int it, long[] into, int i) throws Exception {
        long before = ctx.productStatements();
        into[i] = time(() -> op.product(ctx, it));
        return ctx.productStatements() - before;
    }

    private interface Call {
        Object call() throws Exception;
    }

    private static long time(Call call) throws Exception {
        long start = System.nanoTime();
        call.call();
        return System.nanoTime() - start;
    }

    private static String abbreviate(Object o) {
        return BenchContext.abbreviate(String.valueOf(o));
    }
}
