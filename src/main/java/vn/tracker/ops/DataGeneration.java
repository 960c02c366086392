package vn.tracker.ops;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;

    DataGeneration(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One primary-key read, outside any transaction. */
    public long current() {
        List<Long> found = jdbc.queryForList("SELECT generation FROM cache_generation WHERE name = '"
                + DataWriteGeneration.NAME + "'", Long.class);
        return found.isEmpty() ? 0 : found.get(0);
    }
}
