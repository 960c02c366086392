package vn.tracker.api;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the SQL statements the application sends (one per JDBC execution; a JDBC batch counts
 * once). Fed by the datasource-proxy wrapper around the DataSource (see
 * {@link SqlStatementCountingConfiguration}). Tests use it to prove there is no N+1:
 *
 * <pre>
 * long statements = counter.countDuring(() -&gt; tester.document(query).execute());
 * </pre>
 *
 * {@link #countDuring} counts statements of request-handling threads only (Tomcat's
 * {@code http-nio-*} workers and the calling thread), so background jobs do not disturb a test.
 */
public class SqlStatementCounter implements QueryExecutionListener {

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong onRequestThreads = new AtomicLong();
    private final ThreadLocal<long[]> perThread = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        total.incrementAndGet();
        perThread.get()[0]++;
        if (isRequestThread(Thread.currentThread())) {
            onRequestThreads.incrementAndGet();
        }
    }

    /** Statements since start-up, on every thread. */
    public long total() {
        return total.get();
    }

    /** Statements the current thread has run since start-up. */
    public long currentThread() {
        return perThread.get()[0];
    }

    /**
     * Statements run by HTTP request threads and the current thread while the action runs. Meant
     * for tests, which send one request at a time.
     */
    public long countDuring(Runnable action) {
        long before = onRequestThreads.get();
        long mineBefore = isRequestThread(Thread.currentThread()) ? 0 : currentThread();
        action.run();
        long mine = isRequestThread(Thread.currentThread()) ? 0 : currentThread() - mineBefore;
        return onRequestThreads.get() - before + mine;
    }

    private static boolean isRequestThread(Thread thread) {
        return thread.getName().startsWith("http-nio");
    }
}
