package vn.tracker.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tracker.ops.SharedGenerations;
import vn.tracker.support.IntegrationTest;

/**
 * Two application instances each have their own series cache over one database. An ingest on one
 * instance must not leave the other serving the old series: the generation is shared through the
 * database (ops/SCALING.md). Simulated with two caches over the same {@link SharedGenerations}.
 */
@IntegrationTest
class SeriesCacheAcrossInstancesTest {

    @Autowired
    SharedGenerations generations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void invalidationOnOneInstanceReachesTheOther() {
        SeriesCache instanceA = new SeriesCache(jdbc, 1_000, Duration.ofMinutes(10), generations);
        SeriesCache instanceB = new SeriesCache(jdbc, 1_000, Duration.ofMinutes(10), generations);
        String indicator = "ACROSS_INSTANCES_TEST"; // a code no other test uses: generations are global
        SeriesCache.Key key = new SeriesCache.Key(indicator, List.of("GL"), false, PeriodType.MONTH, "2025-01",
                "2025-12", LocalDate.of(2026, 1, 1), 1L);
        AtomicInteger computed = new AtomicInteger();
        Series empty = new Series(null, PeriodType.MONTH, LocalDate.of(2026, 1, 1), List.of(), List.of());

        instanceA.get(key, () -> { computed.incrementAndGet(); return empty; });
        instanceB.get(key, () -> { computed.incrementAndGet(); return empty; });
        instanceB.get(key, () -> { computed.incrementAndGet(); return empty; });
        assertThat(computed).as("each instance computes once, then serves its cache").hasValue(2);

        instanceA.invalidate(indicator); // an ingest committed on instance A

        instanceB.get(key, () -> { computed.incrementAndGet(); return empty; });
        assertThat(computed).as("instance B recomputes at once after A's ingest").hasValue(3);
        instanceB.get(key, () -> { computed.incrementAndGet(); return empty; });
        assertThat(computed).as("and caches again").hasValue(3);
    }
}
