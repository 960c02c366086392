package vn.tracker.indicator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tracker.ops.SharedGenerations;

/**
 * Caffeine cache of computed series, weighed by point count. Every entry is keyed with the
 * indicator's generation, which an ingest bumps after it commits: a series cached before the
 * ingest can no longer be found, so correctness never depends on the cache (an ingest is visible
 * to the very next read). The generation lives in the database ({@link SharedGenerations}), so with
 * several instances an ingest on one is seen by the next read on every other (ops/SCALING.md).
 */
@Component
public class SeriesCache implements MeterBinder {

    /**
     * What identifies a series, known before touching the database: the request as written (the
     * indicator code upper-cased, as codes compare case-insensitively), the as-of date it resolved to
     * and the agency tree's version (a new or moved agency changes the answer).
     */
    record Key(String indicator, List<String> agencies, boolean includeChildren, PeriodType type, String from,
            String to, LocalDate asOf, Object treeVersion) {

        Key {
            indicator = normalize(indicator);
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }
    }

    static String normalize(String indicatorCode) {
        return indicatorCode == null ? "" : indicatorCode.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private record Entry(Key key, long generation) {
    }

    private final Cache<Entry, Series> cache;
    private final SharedGenerations generations;

    private final JdbcTemplate jdbc;

    SeriesCache(JdbcTemplate jdbc, @Value("${tracker.series.cache.max-points:2000000}") long maxPoints,
            @Value("${tracker.series.cache.expire-after:PT10M}") Duration expireAfter, SharedGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxPoints)
                .weigher((Entry k, Series s) -> Math.max(1, s.pointCount()))
                .expireAfterWrite(expireAfter)
                .recordStats()
                .build();
    }

    Series get(Key key, Supplier<Series> compute) {
        // Read the generation before computing: a value computed while an ingest commits is stored
        // under the old generation and never served after the bump.
        Entry entry = new Entry(key, generations.current(generationName(key.indicator())));
        return cache.get(entry, k -> compute.get());
    }

    /**
     * Several series: the generations of all their indicators read in one statement (before any
     * computing, as in {@link #get}), each series computed only on a miss. A computation may give
     * null: nothing is cached then and null stands in its place.
     */
    List<Series> getAll(List<Key> keys, java.util.function.Function<Key, Series> compute) {
        java.util.Map<String, Long> current = generations.current(
                keys.stream().map(k -> generationName(k.indicator())).toList());
        List<Series> result = new java.util.ArrayList<>(keys.size());
        for (Key key : keys) {
            Entry entry = new Entry(key, current.get(generationName(key.indicator())));
            result.add(cache.get(entry, e -> compute.apply(key)));
        }
        return result;
    }

    /** Called after an ingest of the indicator committed. */
    /** Same as {@link #invalidate(String)} for callers holding the indicator's id. */
    public void invalidate(long indicatorId) {
        jdbc.queryForList("SELECT code FROM indicator WHERE id = ?", String.class, indicatorId)
                .forEach(this::invalidate);
    }

    public void invalidate(String indicatorCode) {
        String code = normalize(indicatorCode);
        generations.bump(generationName(code));
        cache.asMap().keySet().removeIf(e -> e.key().indicator().equals(code));
    }

    /** Hit rate, size and evictions as `cache_*{cache="series"}` (ops/README.md). */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "series");
    }

    public long hits() {
        return cache.stats().hitCount();
    }

    private static String generationName(String code) {
        return "series:" + code;
    }
}
