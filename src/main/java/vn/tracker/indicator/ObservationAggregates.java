package vn.tracker.indicator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL half of a series: observations of one indicator grouped by agency, series period and
 * observation period type, as partial aggregates. Values that held on the as-of date come from the
 * current row when its as_of is not later, otherwise from the latest revision recorded with an
 * as_of on or before that date (usually none), so a past report is reproducible.
 */
@Repository
class ObservationAggregates {

    /** One group: an agency's own observations of one period type inside one series period. */
    record Group(long agencyId, String bucket, PeriodType observedAs, AggregateState state, int index) {

        /** A group whose position among the series' periods the caller looks up by its bucket code. */
        Group(long agencyId, String bucket, PeriodType observedAs, AggregateState state) {
            this(agencyId, bucket, observedAs, state, -1);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObservationPacks packs;

    ObservationAggregates(NamedParameterJdbcTemplate jdbc, ObservationPacks packs) {
        this.jdbc = jdbc;
        this.packs = packs;
    }

    /**
     * @param finestRecorded the finest period type the indicator accepts: when it is the series'
     *     own type, every group holds at most one observation, so rows are read as they are
     *     (no GROUP BY, no temporary table or sort over thousands of groups). Only a speed choice:
     *     {@link SeriesService} merges rows of one agency and period either way, so a finer
     *     observation recorded before the indicator's type changed still counts.
     */
    List<Group> groups(long indicatorId, Aggregation aggregation, PeriodType type, Period first, Period last,
            Collection<Long> agencyIds, LocalDate asOf, PeriodType finestRecorded) {
        String col = "o." + SeriesBuckets.column(type);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("indicator", indicatorId)
                .addValue("types", SeriesBuckets.nestedTypes(type).stream().map(Enum::name).toList())
                // A week belongs to the month of its Thursday, so it may start up to 3 days earlier.
                .addValue("startFrom", Date.valueOf(first.start().minusDays(6)))
                .addValue("startTo", Date.valueOf(last.end()))
                .addValue("firstBucket", first.code())
                .addValue("lastBucket", last.code())
                .addValue("asOf", Date.valueOf(asOf));
        String where = " WHERE o.indicator_id = :indicator AND o.period_type IN (:types)"
                + " AND o.period_start BETWEEN :startFrom AND :startTo"
                + " AND " + col + " BETWEEN :firstBucket AND :lastBucket"
                + agencyFilter(agencyIds);
        List<Group> result = new ArrayList<>();
        if (finestRecorded == type) {
            result.addAll(jdbc.query("SELECT o.agency_id, " + col + " AS b, o.period_type, o.period_end, o.obs_value,"
                    + " o.numerator, o.denominator FROM observation o" + where + " AND o.as_of <= :asOf",
                    params, (rs, i) -> aggregation == Aggregation.LAST ? lastGroup(rs) : oneRowGroup(rs)));
        } else if (aggregation == Aggregation.LAST) {
            result.addAll(jdbc.query("SELECT agency_id, b, period_type, period_end, obs_value, numerator, denominator"
                    + " FROM (SELECT o.agency_id, " + col + " AS b, o.period_type, o.period_end, o.obs_value,"
                    + " o.numerator, o.denominator, ROW_NUMBER() OVER (PARTITION BY o.agency_id, " + col
                    + ", o.period_type ORDER BY o.period_end DESC, o.period_start DESC) AS rn"
                    + " FROM observation o" + where + " AND o.as_of <= :asOf) x WHERE rn = 1",
                    params, (rs, i) -> lastGroup(rs)));
        } else {
            result.addAll(jdbc.query("SELECT o.agency_id, " + col + " AS b, o.period_type, COUNT(o.obs_value),"
                    + " SUM(o.obs_value), MIN(o.obs_value), MAX(o.obs_value),"
                    + " SUM(CASE WHEN o.numerator IS NOT NULL AND o.denominator IS NOT NULL THEN o.numerator END),"
                    + " SUM(CASE WHEN o.numerator IS NOT NULL AND o.denominator IS NOT NULL THEN o.denominator END),"
                    + " SUM(CASE WHEN o.obs_value IS NOT NULL AND o.numerator IS NOT NULL"
                    + " AND o.denominator IS NOT NULL THEN 1 ELSE 0 END)"
                    + " FROM observation o" + where + " AND o.as_of <= :asOf"
                    + " GROUP BY o.agency_id, " + col + ", o.period_type",
                    params, (rs, i) -> new Group(rs.getLong(1), rs.getString(2), PeriodType.valueOf(rs.getString(3)),
                            AggregateState.ofGroup(rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                                    rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getLong(10)))));
        }
        result.addAll(revisionGroups(aggregation, col, where, params));
        return result;
    }

    /** Observations replaced after the as-of date: the revision that held then, one row each. */
    private List<Group> revisionGroups(Aggregation aggregation, String col, String where,
            MapSqlParameterSource params) {
        return jdbc.query("SELECT o.agency_id, " + col + " AS b, o.period_type, o.period_end, r.obs_value,"
                + " r.numerator, r.denominator FROM observation o JOIN observation_revision r ON r.observation_id = o.id"
                + where + " AND o.as_of > :asOf AND r.as_of <= :asOf AND NOT EXISTS (SELECT 1 FROM"
                + " observation_revision r2 WHERE r2.observation_id = r.observation_id AND r2.as_of <= :asOf"
                + " AND r2.id > r.id)", params, (rs, i) -> aggregation == Aggregation.LAST ? lastGroup(rs)
                        : singleRowGroup(rs));
    }

    /**
     * The same groups as {@link #groups}, read from observation_pack: one row per period and block
     * of agencies instead of one per observation. A slot whose as_of is on or before the as-of
     * date is the current row the raw read would take; a later one counts only through the
     * revision that held then, which the raw revision query finds — asked only for the agencies
     * that have such a slot marked revised (usually none, so usually one statement in all).
     */
    List<Group> packedGroups(long indicatorId, Aggregation aggregation, PeriodType type, Period first, Period last,
            Collection<Long> agencyIds, LocalDate asOf) {
        List<PeriodType> types = SeriesBuckets.nestedTypes(type);
        // The raw read's bounds: a week belongs to the month of its Thursday, so it may start up to 3 days earlier.
        LocalDate startFrom = first.start().minusDays(6);
        LocalDate startTo = last.end();
        long asOfDay = asOf.toEpochDay();
        List<Period> seriesPeriods = Period.range(type, first.start(), last.start());
        Map<String, Integer> seriesIndex = new HashMap<>();
        for (int i = 0; i < seriesPeriods.size(); i++) {
            seriesIndex.put(seriesPeriods.get(i).code(), i);
        }
        // Per block, which of its slots the series asks for.
        Map<Long, boolean[]> wanted = new HashMap<>();
        for (long id : agencyIds) {
            wanted.computeIfAbsent(ObservationPack.block(id), b -> new boolean[ObservationPack.BLOCK])[ObservationPack.slot(id)] = true;
        }
        List<ObservationPacks.Stored> stored = packs.read(indicatorId, types, startFrom, startTo,
                new java.util.TreeSet<>(wanted.keySet()));
        List<Group> result = new ArrayList<>(stored.size() * 64 + 16);
        java.util.Set<Long> revisedLater = new java.util.TreeSet<>();
        String firstBucket = first.code();
        String lastBucket = last.code();
        Map<Period, Integer> indexOf = new HashMap<>();
        // Only MIN and MAX read min and max: other aggregations skip comparing ~170k values up the tree.
        boolean minMax = aggregation == Aggregation.MIN || aggregation == Aggregation.MAX;
        for (ObservationPacks.Stored pack : stored) {
            Period p = pack.period();
            // The series period the pack's period falls in, or -1 outside the raw read's bucket bounds.
            int index = indexOf.computeIfAbsent(p, x -> {
                String code = SeriesBuckets.code(x, type);
                return code == null || code.compareTo(firstBucket) < 0 || code.compareTo(lastBucket) > 0 ? -1
                        : seriesIndex.getOrDefault(code, -1);
            });
            if (index < 0) {
                continue;
            }
            String bucket = seriesPeriods.get(index).code();
            boolean[] slotsWanted = wanted.get(pack.block());
            ObservationPack.Slot[] slots = ObservationPack.decode(p, pack.payload());
            for (int i = 0; i < slots.length; i++) {
                ObservationPack.Slot s = slots[i];
                if (s == null || !slotsWanted[i]) {
                    continue;
                }
                long agencyId = ObservationPack.agency(pack.block(), i);
                if (s.asOfDay() > asOfDay) {
                    if (s.revised()) {
                        revisedLater.add(agencyId);
                    }
                    continue;
                }
                result.add(new Group(agencyId, bucket, p.type(),
                        aggregation == Aggregation.LAST
                                ? AggregateState.ofLast(s.value(), s.numerator(), s.denominator(), p.end())
                                : oneRowState(s.value(), s.numerator(), s.denominator(), minMax), index));
            }
        }
        if (!revisedLater.isEmpty()) {
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("indicator", indicatorId)
                    .addValue("types", types.stream().map(Enum::name).toList())
                    .addValue("startFrom", Date.valueOf(startFrom))
                    .addValue("startTo", Date.valueOf(startTo))
                    .addValue("firstBucket", firstBucket)
                    .addValue("lastBucket", lastBucket)
                    .addValue("asOf", Date.valueOf(asOf));
            String col = "o." + SeriesBuckets.column(type);
            result.addAll(revisionGroups(aggregation, col, " WHERE o.indicator_id = :indicator"
                    + " AND o.period_type IN (:types) AND o.period_start BETWEEN :startFrom AND :startTo"
                    + " AND " + col + " BETWEEN :firstBucket AND :lastBucket" + agencyFilter(revisedLater), params));
        }
        return result;
    }

    private static Group lastGroup(ResultSet rs) throws SQLException {
        return new Group(rs.getLong(1), rs.getString(2), PeriodType.valueOf(rs.getString(3)),
                AggregateState.ofLast(rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getDate(4).toLocalDate()));
    }

    /** What the GROUP BY query gives for a group of this one row (same null rules). */
    private static Group oneRowGroup(ResultSet rs) throws SQLException {
        return new Group(rs.getLong(1), rs.getString(2), PeriodType.valueOf(rs.getString(3)),
                oneRowState(rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), true));
    }

    private static AggregateState oneRowState(BigDecimal v, BigDecimal n, BigDecimal d, boolean minMax) {
        boolean both = n != null && d != null;
        return AggregateState.ofGroup(v == null ? 0 : 1, v, minMax ? v : null, minMax ? v : null, both ? n : null,
                both ? d : null, v != null && both ? 1 : 0);
    }

    private static Group singleRowGroup(ResultSet rs) throws SQLException {
        BigDecimal v = rs.getBigDecimal(5);
        BigDecimal n = rs.getBigDecimal(6);
        BigDecimal d = rs.getBigDecimal(7);
        boolean parts = v != null && n != null && d != null;
        return new Group(rs.getLong(1), rs.getString(2), PeriodType.valueOf(rs.getString(3)),
                AggregateState.ofGroup(v == null ? 0 : 1, v, v, v, parts ? n : null, parts ? d : null, parts ? 1 : 0));
    }

    /** Agency ids are numbers from our own tables, inlined: a series may span thousands of agencies. */
    private static String agencyFilter(Collection<Long> agencyIds) {
        if (agencyIds == null) {
            return "";
        }
        if (agencyIds.isEmpty()) {
            return " AND 1 = 0";
        }
        return " AND o.agency_id IN (" + agencyIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
    }
}
