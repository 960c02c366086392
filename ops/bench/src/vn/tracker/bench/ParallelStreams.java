package vn.tracker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Untimed bulk loads in parallel streams, as parallel uploads would be: {@code streams} threads
 * take the next item number until {@code count} are done; the first failure fails the load.
 */
public final class ParallelStreams {

    /** Work on one item (an ingest call, a chunk). */
    public interface Item {
        void load(int n) throws Exception;
    }

    private ParallelStreams() {
    }

    public static void run(int streams, int count, Item item) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                futures.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        item.load(n);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
