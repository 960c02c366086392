package vn.tracker.indicator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Upserts validated observations with plain batched JDBC (the ingest path must take tens of
 * thousands of rows a second): one query per group of keys finds the existing rows, a changed
 * value is copied to observation_revision (who, when, source) before it is replaced, new rows go
 * in as multi-row INSERTs, which every driver sends as one statement. Runs inside the caller's
 * transaction.
 */
@Component
class ObservationWriter {

    /** Rows per multi-row INSERT: 1,000 × 19 parameters stays far below driver limits (65,535). */
    private static final int INSERT_CHUNK = 1000;
    /** Keys per lookup query. */
    private static final int LOOKUP_CHUNK = 1000;

    record Counts(int created, int updated, int unchanged) {
        Counts plus(Counts o) {
            return new Counts(created + o.created, updated + o.updated, unchanged + o.unchanged);
        }
    }

    private record Existing(long id, long agencyId, String period, BigDecimal value, BigDecimal numerator,
            BigDecimal denominator, Date asOf, String source, String note, String recordedBy,
            LocalDateTime recordedAt) {
    }

    private final JdbcTemplate jdbc;

    ObservationWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Counts write(List<IngestValidator.ValidRow> rows, String who, Instant now) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        Map<String, Existing> existing = findExisting(rows);
        List<IngestValidator.ValidRow> inserts = new ArrayList<>();
        List<Object[]> revisions = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        int unchanged = 0;
        for (IngestValidator.ValidRow r : rows) {
            Existing e = existing.get(key(r.indicatorId(), r.agencyId(), r.period().code()));
            if (e == null) {
                inserts.add(r);
            } else if (same(e.value(), r.value()) && same(e.numerator(), r.numerator())
                    && same(e.denominator(), r.denominator())) {
                unchanged++;
            } else {
                revisions.add(new Object[] {e.id(), e.value(), e.numerator(), e.denominator(), e.asOf(), e.source(),
                        e.note(), e.recordedBy(), e.recordedAt(), at});
                updates.add(new Object[] {r.value(), r.numerator(), r.denominator(), Date.valueOf(r.asOf()), r.source(),
                        r.note(), who, at, e.id()});
            }
        }
        insertMany("INSERT INTO observation_revision (observation_id, obs_value, numerator, denominator, as_of,"
                + " source_doc, note, recorded_by, recorded_at, superseded_at) VALUES ", 10, revisions);
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE observation SET obs_value = ?, numerator = ?, denominator = ?, as_of = ?,"
                    + " source_doc = ?, note = ?, recorded_by = ?, recorded_at = ?, version = version + 1 WHERE id = ?",
                    updates, 500, (ps, args) -> bind(ps, args));
        }
        List<Object[]> values = new ArrayList<>(inserts.size());
        Map<String, Object[]> periodColumns = new HashMap<>();
        for (IngestValidator.ValidRow r : inserts) {
            Object[] pc = periodColumns.computeIfAbsent(r.period().code(), k -> periodColumns(r.period()));
            values.add(new Object[] {r.indicatorId(), r.agencyId(), pc[0], pc[1], pc[2], pc[3], pc[4], pc[5], pc[6],
                    pc[7], r.value(), r.numerator(), r.denominator(), Date.valueOf(r.asOf()), r.source(), r.note(), who,
                    at, 0L});
        }
        insertMany("INSERT INTO observation (indicator_id, agency_id, period, period_type, period_start, period_end,"
                + " bucket_week, bucket_month, bucket_quarter, bucket_year, obs_value, numerator, denominator, as_of,"
                + " source_doc, note, recorded_by, recorded_at, version) VALUES ", 19, values);
        return new Counts(inserts.size(), updates.size(), unchanged);
    }

    private static Object[] periodColumns(Period p) {
        return new Object[] {p.code(), p.type().name(), Date.valueOf(p.start()), Date.valueOf(p.end()),
                SeriesBuckets.code(p, PeriodType.WEEK), SeriesBuckets.code(p, PeriodType.MONTH),
                SeriesBuckets.code(p, PeriodType.QUARTER), SeriesBuckets.code(p, PeriodType.YEAR)};
    }

    /**
     * Existing rows for the keys, looked up by (indicator, period) with agency ids IN (…) or by
     * (indicator, agency) with periods IN (…), whichever needs fewer queries.
     */
    private Map<String, Existing> findExisting(List<IngestValidator.ValidRow> rows) {
        Map<String, Existing> dense = findExistingInGrid(rows);
        if (dense != null) {
            return dense;
        }
        Map<String, List<Object>> byPeriod = new LinkedHashMap<>();
        Map<String, List<Object>> byAgency = new LinkedHashMap<>();
        for (IngestValidator.ValidRow r : rows) {
            byPeriod.computeIfAbsent(r.indicatorId() + "|" + r.period().code(), k -> new ArrayList<>()).add(r.agencyId());
            byAgency.computeIfAbsent(r.indicatorId() + "|" + r.agencyId(), k -> new ArrayList<>()).add(r.period().code());
        }
        boolean groupByPeriod = byPeriod.size() <= byAgency.size();
        Map<String, Existing> result = new HashMap<>();
        for (Map.Entry<String, List<Object>> group : (groupByPeriod ? byPeriod : byAgency).entrySet()) {
            String[] parts = group.getKey().split("\\|", 2);
            long indicatorId = Long.parseLong(parts[0]);
            List<Object> in = group.getValue();
            for (int from = 0; from < in.size(); from += LOOKUP_CHUNK) {
                List<Object> chunk = in.subList(from, Math.min(in.size(), from + LOOKUP_CHUNK));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                List<Object> args = new ArrayList<>();
                args.add(indicatorId);
                args.add(groupByPeriod ? parts[1] : Long.parseLong(parts[1]));
                args.addAll(chunk);
                String sql = "SELECT id, agency_id, period, obs_value, numerator, denominator, as_of, source_doc, note,"
                        + " recorded_by, recorded_at FROM observation WHERE indicator_id = ? AND "
                        + (groupByPeriod ? "period = ? AND agency_id IN (" : "agency_id = ? AND period IN (") + marks + ")";
                jdbc.query(sql, ps -> bind(ps, args.toArray()), rs -> {
                    Existing e = new Existing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getDate(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getObject(11, LocalDateTime.class));
                    result.put(key(indicatorId, e.agencyId(), e.period()), e);
                });
            }
        }
        return result;
    }

    /**
     * The usual upload is a grid (every commune × some weeks of one indicator): then one query per
     * indicator with periods IN (…) AND agencies IN (…) finds every existing row. Null when the keys
     * are too sparse for that (the grid would be much larger than the request).
     */
    private Map<String, Existing> findExistingInGrid(List<IngestValidator.ValidRow> rows) {
        Map<Long, java.util.Set<String>> periods = new LinkedHashMap<>();
        Map<Long, java.util.Set<Long>> agencies = new LinkedHashMap<>();
        for (IngestValidator.ValidRow r : rows) {
            periods.computeIfAbsent(r.indicatorId(), k -> new java.util.LinkedHashSet<>()).add(r.period().code());
            agencies.computeIfAbsent(r.indicatorId(), k -> new java.util.LinkedHashSet<>()).add(r.agencyId());
        }
        long grid = 0;
        for (Long indicator : periods.keySet()) {
            int p = periods.get(indicator).size();
            int a = agencies.get(indicator).size();
            if (p > LOOKUP_CHUNK || a > 4 * LOOKUP_CHUNK) {
                return null;
            }
            grid += (long) p * a;
        }
        if (grid > 2L * rows.size() + 100) {
            return null;
        }
        Map<String, Existing> result = new HashMap<>();
        for (Long indicator : periods.keySet()) {
            List<Object> args = new ArrayList<>();
            args.add(indicator);
            args.addAll(periods.get(indicator));
            String sql = "SELECT id, agency_id, period, obs_value, numerator, denominator, as_of, source_doc, note,"
                    + " recorded_by, recorded_at FROM observation WHERE indicator_id = ? AND period IN ("
                    + String.join(",", Collections.nCopies(periods.get(indicator).size(), "?")) + ") AND agency_id IN ("
                    + agencies.get(indicator).stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
            jdbc.query(sql, ps -> bind(ps, args.toArray()), rs -> {
                Existing e = existing(rs);
                result.put(key(indicator, e.agencyId(), e.period()), e);
            });
        }
        return result;
    }

    private static Existing existing(java.sql.ResultSet rs) throws SQLException {
        return new Existing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getDate(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, LocalDateTime.class));
    }

    private void insertMany(String prefix, int columns, List<Object[]> rows) {
        String tuple = "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
            String sql = prefix + chunk.stream().map(r -> tuple).collect(Collectors.joining(","));
            Object[] args = new Object[chunk.size() * columns];
            int i = 0;
            for (Object[] row : chunk) {
                for (Object v : row) {
                    args[i++] = v;
                }
            }
            jdbc.update(sql, ps -> bind(ps, args));
        }
    }

    private static String key(long indicatorId, long agencyId, String period) {
        return indicatorId + "|" + agencyId + "|" + period;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Nulls are bound as untyped NULL so no driver asks the server for parameter metadata. */
    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }
}
