package vn.tracker.ops;

import org.springframework.stereotype.Component;

/**
 * The current data generation: bumped in the same transaction as every write to tracker data
 * ({@link DataWriteGeneration}), shared by every instance through the database. A cache reads it
 * once per request, before any data read, and keys its entries with it: an answer cached under a
 * generation can only have been computed from data at least that new, and the first reader after
 * a committed write sees the next generation.
 */
@Component
public class DataGeneration {

    private final SharedGenerations generations;

    DataGeneration(SharedGenerations generations) {
        this.generations = generations;
    }

    /** One primary-key read, outside any transaction (the same row read the series cache uses). */
    public long current() {
        return generations.current(DataWriteGeneration.NAME);
    }
}
