package vn.tracker.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.NotFoundException;

/**
 * Indicator time series for dashboards: SQL groups the observations by agency and period, this
 * class rolls them up the agency tree and attaches targets. An agency's own figure for a period is
 * authoritative; only where it has none do its children's figures aggregate into it (so a
 * province total and a department's share are never added together). Within one agency and
 * period, figures of the coarsest period type present win over finer ones for the same reason.
 * The public entry points are {@link #series} and {@link #rank}; the console and the HTTP
 * downloads use the same methods.
 */
@Service
public class SeriesService {

    /** Largest number of periods in one series (three years of days). */
    static final int MAX_PERIODS = 1100;
    /** Largest number of points (agencies × periods) in one series. */
    static final int MAX_POINTS = 500_000;

    private final IndicatorRepository indicators;
    private final TargetRepository targets;
    private final ObservationAggregates aggregates;
    private final AgencyTree tree;
    private final AsOfDates asOfDates;
    private final SeriesCache cache;

    /** Read series from observation_pack (default) or from the observation rows (the reference path). */
    private final boolean fromPacks;

    SeriesService(IndicatorRepository indicators, TargetRepository targets, ObservationAggregates aggregates,
            AgencyTree tree, AsOfDates asOfDates, SeriesCache cache,
            @org.springframework.beans.factory.annotation.Value("${tracker.series.packs:true}") boolean fromPacks) {
        this.fromPacks = fromPacks;
        this.indicators = indicators;
        this.targets = targets;
        this.aggregates = aggregates;
        this.tree = tree;
        this.asOfDates = asOfDates;
        this.cache = cache;
    }

    /** A series, from the cache when an identical one was computed since the last ingest. */
    public Series series(SeriesRequest request) {
        // The key is built from the request without loading anything but the tree's version, so a
        // repeated series costs one small query.
        AgencyTree.View view = tree.view();
        LocalDate asOf = asOfDates.orToday(request.asOf());
        SeriesCache.Key key = new SeriesCache.Key(request.indicator(), request.agencies(), request.includeChildren(),
                request.periodType(), request.from(), request.to(), asOf, view.version());
        return cache.get(key, () -> compute(resolve(request, view)));
    }

    /**
     * Several series (the overview's key indicators) with one tree read and one generation read for
     * all of them, instead of two statements per series. A request {@link #series} would refuse
     * (unknown indicator or agency, bad range) gives null in its place.
     */
    public List<Series> seriesEach(List<SeriesRequest> requests) {
        AgencyTree.View view = tree.view();
        List<SeriesCache.Key> keys = new java.util.ArrayList<>(requests.size());
        java.util.Map<SeriesCache.Key, SeriesRequest> byKey = new java.util.HashMap<>();
        for (SeriesRequest request : requests) {
            LocalDate asOf = asOfDates.orToday(request.asOf());
            SeriesCache.Key key = new SeriesCache.Key(request.indicator(), request.agencies(),
                    request.includeChildren(), request.periodType(), request.from(), request.to(), asOf, view.version());
            keys.add(key);
            byKey.putIfAbsent(key, request);
        }
        return cache.getAll(keys, key -> {
            try {
                return compute(resolve(byKey.get(key), view));
            } catch (NotFoundException | BadInputException e) {
                return null;
            }
        });
    }

    /** The same series computed from the database, bypassing the cache (benchmarks, checks). */
    public Series seriesUncached(SeriesRequest request) {
        return compute(resolve(request, tree.view()));
    }

    /** The same, read from the packs or from the observation rows (tests compare the two). */
    Series seriesUncached(SeriesRequest request, boolean packs) {
        return compute(resolve(request, tree.view()), packs);
    }

    /** Rank of an agency among its siblings (same parent) for one period: 1 is best, per the indicator's direction. */
    public Rank rank(String indicatorCode, String periodCode, String agencyCode, LocalDate asOf) {
        Indicator indicator = indicator(indicatorCode);
        Period period = Period.parse(periodCode).filter(p -> p.type() != PeriodType.MULTI_YEAR)
                .orElseThrow(() -> badPeriod("period", periodCode));
        AgencyTree.View view = tree.view();
        AgencyTree.Node agency = agency(view, agencyCode);
        List<AgencyTree.Node> siblings = agency.parentId() == null ? List.of(agency) : view.children(agency.parentId());
        LocalDate date = asOfDates.orToday(asOf);
        Resolved r = new Resolved(indicator, siblings, period.type(), period, period, date, view);
        SeriesCache.Key key = new SeriesCache.Key(indicator.getCode(), siblings.stream().map(AgencyTree.Node::code)
                .toList(), false, period.type(), period.code(), period.code(), date, view.version());
        Series series = cache.get(key, () -> compute(r));
        BigDecimal own = null;
        List<BigDecimal> values = new ArrayList<>();
        for (AgencySeries s : series.agencies()) {
            BigDecimal v = s.points().get(0).value();
            if (v != null) {
                values.add(v);
            }
            if (s.agency().id() == agency.id()) {
                own = v;
            }
        }
        if (own == null) {
            return new Rank(null, values.size(), null);
        }
        boolean higherBetter = indicator.getDirection() == Direction.HIGHER_BETTER;
        BigDecimal mine = own;
        // Competition ranking: ties share a rank, the next one skips (1, 2, 2, 4).
        long better = values.stream().filter(v -> higherBetter ? v.compareTo(mine) > 0 : v.compareTo(mine) < 0).count();
        return new Rank((int) better + 1, values.size(), own);
    }

    /** {rank, of}: "2/34"; rank is null when the agency has no value for the period. */
    public record Rank(Integer rank, int of, BigDecimal value) {
    }

    record Resolved(Indicator indicator, List<AgencyTree.Node> agencies, PeriodType type, Period first, Period last,
            LocalDate asOf, AgencyTree.View tree) {
    }

    private Resolved resolve(SeriesRequest request, AgencyTree.View view) {
        Indicator indicator = indicator(request.indicator());
        if (request.agencies() == null || request.agencies().isEmpty()) {
            throw new BadInputException("agencies", "Cần ít nhất một cơ quan / at least one agency is required");
        }
        Map<Long, AgencyTree.Node> selected = new LinkedHashMap<>();
        for (String code : request.agencies()) {
            AgencyTree.Node node = agency(view, code);
            selected.putIfAbsent(node.id(), node);
            if (request.includeChildren()) {
                view.children(node.id()).forEach(c -> selected.putIfAbsent(c.id(), c));
            }
        }
        PeriodType type = request.periodType() != null ? request.periodType()
                : indicator.getPeriodType() == PeriodType.MULTI_YEAR ? PeriodType.YEAR : indicator.getPeriodType();
        if (type == PeriodType.MULTI_YEAR) {
            throw new BadInputException("periodType",
                    "Chuỗi số liệu không theo giai đoạn nhiều năm / series are by day, week, month, quarter or year");
        }
        Period from = Period.parse(request.from()).orElseThrow(() -> badPeriod("from", request.from()));
        Period to = Period.parse(request.to()).orElseThrow(() -> badPeriod("to", request.to()));
        Period first = Period.containing(from.start(), type);
        Period last = Period.containing(to.end(), type);
        if (last.start().isBefore(first.start())) {
            throw new BadInputException("to", "Kỳ cuối trước kỳ đầu / `to` is before `from`");
        }
        List<Period> periods = Period.range(type, first.start(), last.start());
        if (periods.size() > MAX_PERIODS || (long) periods.size() * selected.size() > MAX_POINTS) {
            throw new BadInputException("to", "Chuỗi quá lớn: tối đa " + MAX_PERIODS + " kỳ và " + MAX_POINTS
                    + " điểm / series too large: at most " + MAX_PERIODS + " periods and " + MAX_POINTS + " points");
        }
        return new Resolved(indicator, List.copyOf(selected.values()), type, first, last,
                asOfDates.orToday(request.asOf()), view);
    }

    private Series compute(Resolved r) {
        return compute(r, fromPacks);
    }

    private Series compute(Resolved r, boolean packs) {
        Indicator indicator = r.indicator();
        List<Period> periods = Period.range(r.type(), r.first().start(), r.last().start());
        Map<String, Integer> bucketIndex = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            bucketIndex.put(periods.get(i).code(), i);
        }
        Set<Long> subtree = r.tree().subtreeIds(r.agencies().stream().map(AgencyTree.Node::id).toList());
        Map<Long, Own> own = new HashMap<>();
        List<ObservationAggregates.Group> groups = packs
                ? aggregates.packedGroups(indicator.getId(), indicator.getAggregation(), r.type(), r.first(), r.last(),
                        subtree, r.asOf())
                : aggregates.groups(indicator.getId(), indicator.getAggregation(), r.type(), r.first(), r.last(),
                        subtree, r.asOf(), indicator.getPeriodType());
        for (ObservationAggregates.Group g : groups) {
            int b = g.index() >= 0 ? g.index() : bucketIndex.getOrDefault(g.bucket(), -1);
            if (b >= 0) {
                own.computeIfAbsent(g.agencyId(), k -> new Own(periods.size())).add(b, g.observedAs(), g.state());
            }
        }
        Rollup rollup = new Rollup(r.tree(), own, periods.size());
        TargetLookup targetLookup = new TargetLookup(targets.findByIndicatorId(indicator.getId()));
        List<AgencySeries> result = new ArrayList<>(r.agencies().size());
        for (AgencyTree.Node agency : r.agencies()) {
            AggregateState[] states = rollup.resolve(agency.id());
            List<SeriesPoint> points = new ArrayList<>(periods.size());
            for (int i = 0; i < periods.size(); i++) {
                points.add(point(indicator, periods.get(i), states == null ? null : states[i],
                        targetLookup.find(agency.id(), periods.get(i).code())));
            }
            result.add(new AgencySeries(agency, points));
        }
        return new Series(indicator, r.type(), r.asOf(), periods, result);
    }

    private static SeriesPoint point(Indicator indicator, Period period, AggregateState state, BigDecimal target) {
        BigDecimal value = state == null ? null : round(state.value(indicator.getAggregation(), indicator.getUnit()));
        BigDecimal numerator = state == null ? null : round(state.numerator(indicator.getAggregation()));
        BigDecimal denominator = state == null ? null : round(state.denominator(indicator.getAggregation()));
        BigDecimal gap = value == null || target == null ? null : value.subtract(target);
        Boolean meets = gap == null ? null
                : indicator.getDirection() == Direction.HIGHER_BETTER ? gap.signum() >= 0 : gap.signum() <= 0;
        return new SeriesPoint(period, value, numerator, denominator, target, gap, meets);
    }

    private static BigDecimal round(BigDecimal v) {
        if (v == null) {
            return null;
        }
        // At most 6 decimals: a value already that short only loses trailing zeros (most points).
        BigDecimal r = (v.scale() <= 6 ? v : v.setScale(6, RoundingMode.HALF_UP)).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r; // 80, not 8E+1
    }

    private static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal r = v.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** An agency's own figures per period, keeping only the coarsest observation period type per period. */
    private static final class Own {
        final AggregateState[] states;
        final PeriodType[] types;

        Own(int size) {
            states = new AggregateState[size];
            types = new PeriodType[size];
        }

        void add(int bucket, PeriodType type, AggregateState state) {
            if (states[bucket] == null || types[bucket].isFinerThan(type)) {
                states[bucket] = state;
                types[bucket] = type;
            } else if (types[bucket] == type) {
                states[bucket].mergeSameAgency(state);
            }
        }
    }

    /** Resolves each agency's states: its own figure where it has one, else its children's combined. */
    private static final class Rollup {
        private final AgencyTree.View tree;
        private final Map<Long, Own> own;
        private final int size;
        private final Map<Long, AggregateState[]> memo = new HashMap<>();

        Rollup(AgencyTree.View tree, Map<Long, Own> own, int size) {
            this.tree = tree;
            this.own = own;
            this.size = size;
        }

        /** Null when neither the agency nor anything below it has data in the range. */
        AggregateState[] resolve(long agencyId) {
            if (memo.containsKey(agencyId)) {
                return memo.get(agencyId);
            }
            Own mine = own.get(agencyId);
            AggregateState[] result = mine == null ? null : mine.states.clone();
            for (AgencyTree.Node child : tree.children(agencyId)) {
                AggregateState[] fromChild = resolve(child.id());
                if (fromChild == null) {
                    continue;
                }
                if (result == null) {
                    result = new AggregateState[size];
                }
                for (int b = 0; b < size; b++) {
                    if (fromChild[b] == null || (mine != null && mine.states[b] != null)) {
                        continue;
                    }
                    if (result[b] == null) {
                        result[b] = fromChild[b].copy();
                    } else {
                        result[b].mergeOtherAgency(fromChild[b]);
                    }
                }
            }
            memo.put(agencyId, result);
            return result;
        }
    }

    /**
     * Most specific target first: agency and period, agency, period, then the general one. Looked
     * up per point (170k at national scale), so without building key strings.
     */
    private static final class TargetLookup {
        /** Stands for "any period" (periods are never empty). */
        private static final String ANY = "";
        private final Map<Long, Map<String, BigDecimal>> byAgency = new HashMap<>();
        private final Map<String, BigDecimal> general = new HashMap<>();

        TargetLookup(List<Target> targets) {
            for (Target t : targets) {
                Map<String, BigDecimal> m = t.getAgency() == null ? general
                        : byAgency.computeIfAbsent(t.getAgency().getId(), k -> new HashMap<>());
                m.put(t.getPeriod() == null ? ANY : t.getPeriod(), plain(t.getValue()));
            }
        }

        BigDecimal find(long agencyId, String period) {
            Map<String, BigDecimal> own = byAgency.get(agencyId);
            BigDecimal v = own == null ? null : first(own, period);
            return v != null ? v : general.isEmpty() ? null : first(general, period);
        }

        private static BigDecimal first(Map<String, BigDecimal> m, String period) {
            BigDecimal v = m.get(period);
            return v != null ? v : m.get(ANY);
        }
    }

    private Indicator indicator(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInputException("indicator", "Cần mã chỉ tiêu / indicator code is required");
        }
        return indicators.findByCode(code).orElseThrow(
                () -> new NotFoundException("Không tìm thấy chỉ tiêu " + code + " / no indicator with code " + code));
    }

    private static AgencyTree.Node agency(AgencyTree.View view, String code) {
        AgencyTree.Node node = view.byCode(code);
        if (node == null) {
            throw new NotFoundException("Không tìm thấy cơ quan " + code + " / no agency with code " + code);
        }
        return node;
    }

    private static BadInputException badPeriod(String field, String text) {
        return new BadInputException(field, "Kỳ không hợp lệ: '" + text
                + "' / malformed period, expected 2025, 2025-Q2, 2025-11, 2025-W47 or 2025-11-22");
    }
}
