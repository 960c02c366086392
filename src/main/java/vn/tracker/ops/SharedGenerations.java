package vn.tracker.ops;

import java.util.List;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cache generations kept in the database (table cache_generation), so that an in-process cache is
 * correct across instances: a writer {@link #bump}s after its commit, every instance keys its
 * entries with {@link #current} read at lookup time. The price is one primary-key read per lookup,
 * far cheaper than what a series cache saves; the gain is that an edit on one instance is seen
 * by the very next read on every other instance, not when a TTL runs out.
 */
@Component
public class SharedGenerations {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    SharedGenerations(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Bumps are called after the writer's commit (afterCommit): they need a transaction of their own.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The current generation of a name (0 before the first bump). */
    public long current(String name) {
        List<Long> found = jdbc.queryForList("SELECT generation FROM cache_generation WHERE name = ?", Long.class, name);
        return found.isEmpty() ? 0 : found.get(0);
    }

    /** The current generations of several names in one read (0 for a name never bumped). */
    public java.util.Map<String, Long> current(java.util.Collection<String> names) {
        java.util.Map<String, Long> result = new java.util.HashMap<>();
        java.util.Set<String> distinct = new java.util.LinkedHashSet<>(names);
        distinct.forEach(name -> result.put(name, 0L));
        if (!distinct.isEmpty()) {
            String marks = String.join(", ", java.util.Collections.nCopies(distinct.size(), "?"));
            jdbc.query("SELECT name, generation FROM cache_generation WHERE name IN (" + marks + ")",
                    (java.sql.ResultSet rs) -> {
                        result.put(rs.getString(1), rs.getLong(2));
                    }, distinct.toArray());
        }
        return result;
    }

    /**
     * Makes every entry cached under the previous generation unreachable, on every instance. One
     * upsert statement: the former UPDATE-then-INSERT of a missing name deadlocked on MariaDB when
     * two ingests of a new indicator committed at once (both UPDATEs gap-lock the missing key, then
     * each INSERT waits for the other's gap lock), failing an ingest that had already committed and
     * leaving its series cached. A deadlock victim of any other kind is retried.
     */
    public void bump(String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.update("INSERT INTO cache_generation (name, generation)"
                        + " VALUES (?, 1) ON DUPLICATE KEY UPDATE generation = generation + 1", name));
                return;
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == 3) {
                    throw deadlock;
                }
            }
        }
    }
}
