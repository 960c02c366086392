package vn.tracker.ops;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the SQL statements the application sends (one per JDBC execution; a JDBC batch counts
 * once: it is one round trip, and N+1 shows up as N round trips). The only listener of the one
 * datasource-proxy wrapper ({@link SqlMetricsConfiguration}); it feeds
 * <ul>
 * <li>the running total ({@code tracker_sql_statements_total}, benchmarks divide its growth by
 * the requests they made),</li>
 * <li>a per-thread tally the request filter reads for statements per request,</li>
 * <li>{@link #countDuring}, which N+1 tests use: statements of HTTP request threads (Tomcat's
 * {@code http-nio-*} workers) and of the calling thread while an action runs, so background jobs
 * do not disturb a test.</li>
 * </ul>
 * Counting only: no statement text is kept or formatted.
 */
public class SqlStatementTally implements QueryExecutionListener {

    private final LongAdder total = new LongAdder();
    private final LongAdder onRequestThreads = new LongAdder();
    private final ThreadLocal<long[]> current = new ThreadLocal<>();
    private final ThreadLocal<long[]> perThread = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        countOne();
    }

    /** Counts one statement sent outside the proxy's statements (the data generation's bump). */
    void countOne() {
        total.increment();
        perThread.get()[0]++;
        long[] tally = current.get();
        if (tally != null) {
            tally[0]++;
        }
        if (isRequestThread(Thread.currentThread())) {
            onRequestThreads.increment();
        }
    }

    /** Statements since start-up, on every thread. */
    public long total() {
        return total.sum();
    }

    /**
     * Statements run by HTTP request threads and the current thread while the action runs. Meant
     * for tests, which send one request at a time.
     */
    public long countDuring(Runnable action) {
        boolean requestThread = isRequestThread(Thread.currentThread());
        long before = onRequestThreads.sum();
        long mineBefore = perThread.get()[0];
        action.run();
        long mine = requestThread ? 0 : perThread.get()[0] - mineBefore;
        return onRequestThreads.sum() - before + mine;
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

    private static boolean isRequestThread(Thread thread) {
        return thread.getName().startsWith("http-nio");
    }
}
