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
 * in as multi-row INSERTs, which every driver sends as one statement. The observation packs the
 * rows fall in ({@link ObservationPacks}) are updated in the same transaction. Runs inside the
 * caller's transaction.
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
    private final ObservationPacks packs;

    ObservationWriter(JdbcTemplate jdbc, ObservationPacks packs) {
        this.jdbc = jdbc;
        this.packs = packs;
    }

    Counts write(List<IngestValidator.ValidRow> rows, String who, Instant now) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        Map<String, Existing> existing = findExisting(rows);
        List<IngestValidator.ValidRow> inserts = new ArrayList<>();
        List<Object[]> revisions = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<ObservationPacks.Change> packChanges = new ArrayList<>(rows.size());
        int unchanged = 0;
        for (IngestValidator.ValidRow r : rows) {
            Existing e = existing.get(key(r.indicatorId(), r.agencyId(), r.period().code()));
            if (e == null) {
                inserts.add(r);
                packChanges.add(packChange(r, false));
            } else if (same(e.value(), r.value()) && same(e.numerator(), r.numerator())
                    && same(e.denominator(), r.denominator())) {
                unchanged++;
            } else {
                revisions.add(new Object[] {e.id(), e.value(), e.numerator(), e.denominator(), e.asOf(), e.source(),
                        e.note(), e.recordedBy(), e.recordedAt(), at});
                updates.add(new Object[] {r.value(), r.numerator(), r.denominator(), Date.valueOf(r.asOf()), r.source(),
                        r.note(), who, at, e.id()});
                packChanges.add(packChange(r, true));
            }
        }
        insertMany("INSERT INTO observation_revision (observation_id, obs_value, numerator, denominator, as_of,"
                + " source_doc, note, recorded_by, recorded_at, superseded_at) VALUES ", 10, revisions);
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE observation SET obs_value = ?, numerator = ?, denominator = ?, as_of = ?,"
                    + " source_doc = ?, note = ?, recorded_by = ?, recorded_at = ?, version = version + 1 WHERE id = ?",
                    updates, 500, (ps, args) -> bind(ps, args));
        }
        insertObservations(inserts, who, at);
        packs.apply(packChanges);
        return new Counts(inserts.size(), updates.size(), unchanged);
    }

    private static ObservationPacks.Change packChange(IngestValidator.ValidRow r, boolean revised) {
        return new ObservationPacks.Change(r.indicatorId(), r.agencyId(), r.period(),
                new ObservationPack.Slot(r.value(), r.numerator(), r.denominator(), r.asOf(), revised));
    }

    /**
     * New rows as multi-row INSERTs. Values the product typed itself (ids, numbers, dates, period
     * codes built by {@link Period}) are written as SQL literals; only caller text (source, note,
     * who) is bound. Fewer bound parameters matter: every one passes the pool's and the statement
     * counter's JDBC proxies, which at tens of thousands of rows cost more than the database.
     */
    private void insertObservations(List<IngestValidator.ValidRow> inserts, String who, LocalDateTime at) {
        String prefix = "INSERT INTO observation (indicator_id, agency_id, period, period_type, period_start,"
                + " period_end, bucket_week, bucket_month, bucket_quarter, bucket_year, obs_value, numerator,"
                + " denominator, as_of, source_doc, note, recorded_by, recorded_at, version) VALUES ";
        String recordedAt = "'" + at.format(DATETIME) + "'";
        Map<String, String> periodLiterals = new HashMap<>();
        for (int from = 0; from < inserts.size(); from += INSERT_CHUNK) {
            List<IngestValidator.ValidRow> chunk = inserts.subList(from, Math.min(inserts.size(), from + INSERT_CHUNK));
            StringBuilder sql = new StringBuilder(prefix.length() + chunk.size() * 160).append(prefix);
            Object[] args = new Object[chunk.size() * 3];
            int i = 0;
            for (IngestValidator.ValidRow r : chunk) {
                if (i > 0) {
                    sql.append(',');
                }
                sql.append('(').append(r.indicatorId()).append(',').append(r.agencyId()).append(',')
                        .append(periodLiterals.computeIfAbsent(r.period().code(), k -> periodLiterals(r.period())))
                        .append(',').append(number(r.value())).append(',').append(number(r.numerator())).append(',')
                        .append(number(r.denominator())).append(",'").append(r.asOf()).append("',?,?,?,")
                        .append(recordedAt).append(",0)");
                args[i++] = r.source();
                args[i++] = r.note();
                args[i++] = who;
            }
            jdbc.update(sql.toString(), ps -> bind(ps, args));
        }
    }

    private static final java.time.format.DateTimeFormatter DATETIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** period, period_type, period_start, period_end and the four bucket columns as literals. */
    private static String periodLiterals(Period p) {
        return quote(p.code()) + "," + quote(p.type().name()) + "," + quote(p.start().toString()) + ","
                + quote(p.end().toString()) + "," + quote(SeriesBuckets.code(p, PeriodType.WEEK)) + ","
                + quote(SeriesBuckets.code(p, PeriodType.MONTH)) + "," + quote(SeriesBuckets.code(p, PeriodType.QUARTER))
                + "," + quote(SeriesBuckets.code(p, PeriodType.YEAR));
    }

    /** Period codes and dates are digits, '-', 'Q', 'W' and enum names: nothing to escape, checked anyway. */
    private static String quote(String s) {
        if (s == null) {
            return "NULL";
        }
        if (!s.matches("[0-9A-Z_-]+")) {
            throw new IllegalArgumentException("unexpected period text");
        }
        return "'" + s + "'";
    }

    private static String number(BigDecimal v) {
        return v == null ? "NULL" : v.toPlainString();
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
