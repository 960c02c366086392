package vn.tracker.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The per-request token check in plain JDBC: one indexed SELECT on the token hash, outside any
 * transaction, so checking a token costs one round trip (through JPA it was a transaction of its
 * own: autocommit off, SELECT, COMMIT, autocommit on, plus an SQM-to-SQL translation every
 * time). Still read from the database on every request: revocation stays immediate on every
 * instance. Timestamps are read and written as UTC, as Hibernate does ({@code jdbc.time_zone}).
 */
@Component
class ApiTokenLookup {

    private static final ThreadLocal<Calendar> UTC =
            ThreadLocal.withInitial(() -> Calendar.getInstance(TimeZone.getTimeZone("UTC")));

    private final JdbcTemplate jdbc;

    ApiTokenLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns of a token that authenticating needs. */
    record TokenRow(long id, String name, Set<Scope> scopes, Long agencyId, Instant expiresAt, Instant revokedAt,
            Instant lastUsedAt, Integer rateLimit) {

        boolean isUsableAt(Instant now) {
            return ApiToken.isUsable(revokedAt, expiresAt, now);
        }
    }

    Optional<TokenRow> findByHash(String tokenHash) {
        List<TokenRow> rows = jdbc.query("SELECT id, name, scopes, agency_id, expires_at, revoked_at, last_used_at,"
                + " rate_limit FROM api_token WHERE token_hash = ?", (rs, n) -> row(rs), tokenHash);
        return rows.stream().findFirst();
    }

    /** Records the last use (a single-row UPDATE, atomic on its own). */
    void touch(long id, Instant now) {
        jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now), UTC.get());
                    ps.setLong(2, id);
                });
    }

    private static TokenRow row(ResultSet rs) throws SQLException {
        long agency = rs.getLong("agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        int limit = rs.getInt("rate_limit");
        Integer rateLimit = rs.wasNull() ? null : limit;
        return new TokenRow(rs.getLong("id"), rs.getString("name"), ApiToken.parseScopes(rs.getString("scopes")),
                agencyId, instant(rs, "expires_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"), rateLimit);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column, UTC.get());
        return t == null ? null : t.toInstant();
    }
}
