package vn.tracker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tracker.support.IntegrationTest;

/**
 * Parallel ingests of a new indicator bump the same missing generation at once (found by the
 * national-scale benchmark's parallel load: on MariaDB the former UPDATE-then-INSERT deadlocked
 * and failed an ingest that had committed). Every bump must count and none may fail.
 */
@IntegrationTest
class SharedGenerationsTest {

    private static final String PREFIX = "test-gen:" + UUID.randomUUID() + ":";
    private static final int THREADS = 6;

    @Autowired
    SharedGenerations generations;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeNames() {
        jdbc.update("DELETE FROM cache_generation WHERE name LIKE ?", PREFIX + "%");
    }

    @Test
    void concurrentFirstBumpsOfANewNameAllCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 15; round++) {
                String name = PREFIX + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> bumps = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    bumps.add(pool.submit(() -> {
                        start.await();
                        generations.bump(name);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : bumps) {
                    f.get(); // rethrows a failed bump
                }
                assertThat(generations.current(name)).as(name).isEqualTo(THREADS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNameNeverBumpedIsAtGenerationZero() {
        assertThat(generations.current(PREFIX + "never")).isZero();
        generations.bump(PREFIX + "once");
        assertThat(generations.current(PREFIX + "once")).isEqualTo(1);
    }
}
