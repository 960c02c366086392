package vn.tracker.indicator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caffeine cache of computed series, weighed by point count. Every entry is keyed with the
 * indicator's generation, which an ingest bumps after it commits: a series cached before the
 * ingest can no longer be found, so correctness never depends on the cache (an ingest is visible
 * to the very next read). The generation is per application instance; with several instances a
 * series may be served from another instance's cache until it expires (see expire-after).
 */
@Component
public class SeriesCache implements MeterBinder {

    /** What identifies a series: the agencies in their order, the period range and the as-of date. */
    record Key(long indicatorId, List<Long> agencyIds, PeriodType type, String first, String last, LocalDate asOf) {
    }

    private record Entry(Key key, long generation) {
    }

    private final Cache<Entry, Series> cache;
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();

    SeriesCache(@Value("${tracker.series.cache.max-points:2000000}") long maxPoints,
            @Value("${tracker.series.cache.expire-after:PT10M}") Duration expireAfter) {
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
        Entry entry = new Entry(key, generation(key.indicatorId()).get());
        return cache.get(entry, k -> compute.get());
    }

    /** Called after an ingest of the indicator committed. */
    public void invalidate(long indicatorId) {
        generation(indicatorId).incrementAndGet();
        cache.asMap().keySet().removeIf(e -> e.key().indicatorId() == indicatorId);
    }

    /** Hit rate, size and evictions as `cache_*{cache="series"}` (ops/README.md). */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "series");
    }

    public long hits() {
        return cache.stats().hitCount();
    }

    private AtomicLong generation(long indicatorId) {
        return generations.computeIfAbsent(indicatorId, k -> new AtomicLong());
    }
}
