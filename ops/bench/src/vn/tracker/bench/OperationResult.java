package vn.tracker.bench;

import java.util.Arrays;
import java.util.Locale;

/** Timings of one operation: product and baseline samples (nanoseconds), statements, answer check. */
public record OperationResult(String name, long[] productNanos, long[] baselineNanos, double statementsPerRequest,
        String answerCheck, String note) {

    public static OperationResult unsupported(String name, String reason) {
        return new OperationResult(name, new long[0], new long[0], Double.NaN, "-", reason);
    }

    public boolean measured() {
        return productNanos.length > 0 && baselineNanos.length > 0;
    }

    public double productMedianMs() {
        return percentile(productNanos, 50) / 1e6;
    }

    public double baselineMedianMs() {
        return percentile(baselineNanos, 50) / 1e6;
    }

    public double productP95Ms() {
        return percentile(productNanos, 95) / 1e6;
    }

    public double baselineP95Ms() {
        return percentile(baselineNanos, 95) / 1e6;
    }

    /** Product median over baseline median: 1.0 = as fast as hand-written SQL. */
    public double ratio() {
        return measured() ? productMedianMs() / baselineMedianMs() : Double.NaN;
    }

    public String ratioText() {
        return measured() ? String.format(Locale.ROOT, "%.2f", ratio()) : "NA";
    }

    static double percentile(long[] samples, int p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
