package vn.tracker.common;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises "the database cannot be reached" in an exception's cause chain: no connection from
 * the pool (Hikari's timeout while MariaDB restarts), no transaction could begin, the connection
 * broke mid-statement (SQLState class 08), or Spring's resource-failure translation of those.
 * {@link #beforeStart()} tells whether it happened before any work began, so even a write can be
 * sent again safely.
 */
record DatabaseUnavailable(String reason, boolean beforeStart) {

    static DatabaseUnavailable of(Throwable ex) {
        boolean beforeStart = false;
        boolean unavailable = false;
        String reason = null;
        for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof SQLTransientConnectionException) {
                beforeStart = true;
                unavailable = true;
            } else if (t instanceof DataAccessResourceFailureException || t instanceof ConnectException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                unavailable = true;
            }
            if (unavailable && reason == null) {
                reason = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return unavailable ? new DatabaseUnavailable(reason, beforeStart) : null;
    }
}
