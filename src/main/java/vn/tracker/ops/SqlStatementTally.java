package vn.tracker.ops;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts SQL statements the application sends: a running total (for the metric and for
 * benchmarks, which divide its growth by the requests they made) and a per-thread tally the
 * request filter reads to record statements per request.
 */
public class SqlStatementTally {

    private final LongAdder total = new LongAdder();
    private final ThreadLocal<long[]> current = new ThreadLocal<>();

    void statementsExecuted(int count) {
        total.add(count);
        long[] tally = current.get();
        if (tally != null) {
            tally[0] += count;
        }
    }

    public long total() {
        return total.sum();
    }

    /** Starts a tally for the calling thread; returns what the previous one held, if any. */
    long[] begin() {
        long[] previous = current.get();
        current.set(new long[1]);
        return previous;
    }

    /** Ends the calling thread's tally and returns its count. */
    long end(long[] previous) {
        long[] tally = current.get();
        if (previous == null) {
            current.remove();
        } else {
            current.set(previous);
        }
        return tally == null ? 0 : tally[0];
    }
}
