package vn.tracker.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Bumps the data generation ({@code cache_generation} row {@value #NAME}) in the same
 * transaction as every write to tracker data, whichever path wrote it (JPA flush, JDBC batch of an
 * import or ingest, audit rows, the token's last-use stamp), so a reader that sees the new data
 * can never see the old generation, and a rolled-back write bumps nothing. Response caches key
 * their entries with the generation read before the data ({@link DataGeneration}).
 *
 * <p>It listens on the one datasource-proxy wrapper ({@link SqlMetricsConfiguration}): a write
 * statement marks its connection; right before that connection commits, one UPDATE of the
 * generation row runs on it. A write in autocommit mode is wrapped in a transaction of its own
 * with the bump. Writes that no answer depends on do not mark: Spring Session's tables and the
 * generations themselves. Anything not recognised as a read counts as a write (DDL too): a
 * needless bump only costs a cache miss, a missed one would serve stale data.
 */
public class DataWriteGeneration implements QueryExecutionListener, MethodExecutionListener {

    /** The generation's row in cache_generation. */
    public static final String NAME = "data";

    private static final String BUMP = "UPDATE cache_generation SET generation = generation + 1 WHERE name = '" + NAME + "'";
    private static final String SEED = "INSERT INTO cache_generation (name, generation) VALUES ('" + NAME + "', 1)";

    /** SQLState of "table does not exist" (MariaDB, MySQL and H2 alike). */
    private static final String NO_TABLE = "42S02";

    private final SqlStatementTally tally;
    /** Connections (datasource-proxy connection ids) holding uncommitted writes. */
    private final Map<String, Boolean> dirty = new ConcurrentHashMap<>();
    /** Autocommit writes this listener wrapped in a transaction, by connection id. */
    private final Map<String, Connection> wrapped = new ConcurrentHashMap<>();

    public DataWriteGeneration(SqlStatementTally tally) {
        this.tally = tally;
    }

    @Override
    public void beforeQuery(ExecutionInfo info, List<QueryInfo> queries) {
        if (!writes(queries)) {
            return;
        }
        try {
            Connection connection = info.getStatement().getConnection();
            if (connection.getAutoCommit()) {
                // Its own commit would come before any bump: make statement + bump one transaction.
                connection.setAutoCommit(false);
                wrapped.put(info.getConnectionId(), connection);
            }
        } catch (SQLException e) {
            throw sneaky(e);
        }
        dirty.put(info.getConnectionId(), Boolean.TRUE);
    }

    @Override
    public void afterQuery(ExecutionInfo info, List<QueryInfo> queries) {
        Connection connection = wrapped.remove(info.getConnectionId());
        if (connection == null) {
            return;
        }
        dirty.remove(info.getConnectionId());
        try {
            try {
                if (info.isSuccess()) {
                    bump(connection);
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The write is rolled back with its bump: the caller sees the statement fail.
            throw sneaky(e);
        }
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {
        if (!(context.getTarget() instanceof Connection connection)) {
            return;
        }
        String method = context.getMethod().getName();
        String id = context.getConnectionInfo().getConnectionId();
        switch (method) {
            case "commit" -> {
                if (dirty.remove(id) != null) {
                    bumpOrFail(connection);
                }
            }
            case "setAutoCommit" -> {
                // Turning autocommit on commits the open transaction (JDBC): bump first.
                if (Boolean.TRUE.equals(context.getMethodArgs()[0]) && dirty.remove(id) != null) {
                    bumpOrFail(connection);
                }
            }
            case "rollback" -> {
                if (context.getMethodArgs() == null || context.getMethodArgs().length == 0) {
                    dirty.remove(id);
                }
            }
            case "close" -> dirty.remove(id);
            default -> {
            }
        }
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
    }

    private void bumpOrFail(Connection connection) {
        try {
            bump(connection);
        } catch (SQLException e) {
            // commit() then fails with it and the transaction manager rolls back: no write
            // commits without its bump.
            throw sneaky(e);
        }
    }

    private void bump(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (statement.executeUpdate(BUMP) == 0) {
                statement.executeUpdate(SEED); // the row is seeded by V90; only if someone removed it
            }
        } catch (SQLException e) {
            if (NO_TABLE.equals(e.getSQLState())) {
                return; // Flyway's first migrations, before V60 made the table: nothing is cached yet
            }
            throw e;
        }
        tally.countOne();
    }

    static boolean writes(List<QueryInfo> queries) {
        for (QueryInfo query : queries) {
            if (writes(query.getQuery())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a statement may change data any answer depends on. */
    static boolean writes(String sql) {
        if (sql == null) {
            return false;
        }
        int[] at = {0};
        String verb = word(sql, at);
        switch (verb) {
            // CALL: the product has no stored procedures; Flyway and H2 use it for functions (SCHEMA()).
            case "select", "with", "set", "show", "explain", "describe", "desc", "values", "commit", "rollback",
                    "savepoint", "release", "begin", "start", "use", "do", "lock", "unlock", "call", "" -> {
                return false;
            }
            case "insert", "replace", "merge", "upsert" -> {
                String next = word(sql, at);
                while (next.equals("low_priority") || next.equals("delayed") || next.equals("high_priority")
                        || next.equals("ignore")) {
                    next = word(sql, at);
                }
                return !untracked(next.equals("into") ? word(sql, at) : next);
            }
            case "update" -> {
                String next = word(sql, at);
                while (next.equals("low_priority") || next.equals("ignore")) {
                    next = word(sql, at);
                }
                return !untracked(next);
            }
            case "delete" -> {
                String next = word(sql, at);
                while (next.equals("low_priority") || next.equals("quick") || next.equals("ignore")) {
                    next = word(sql, at);
                }
                return !untracked(next.equals("from") ? word(sql, at) : next);
            }
            default -> {
                return true; // DDL, anything unknown
            }
        }
    }

    /** Tables no answer depends on: sessions (written on most console requests) and the generations. */
    private static boolean untracked(String table) {
        int dot = table.lastIndexOf('.');
        String name = dot >= 0 ? table.substring(dot + 1) : table;
        return name.startsWith("spring_session") || name.equals("cache_generation");
    }

    /** The next word from at[0], lower-cased, quotes removed, comments and spaces skipped. */
    private static String word(String sql, int[] at) {
        int i = at[0];
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ',' || c == ';') {
                break;
            }
            i++;
        }
        at[0] = i;
        return sql.substring(start, i).replace("`", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
