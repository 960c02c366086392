package vn.tracker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements bump the data generation: anything that may change an answer, nothing else. */
class DataWriteGenerationTest {

    @Test
    void writesToTrackerDataCount() {
        assertThat(DataWriteGeneration.writes("insert into task (code, title) values (?, ?)")).isTrue();
        assertThat(DataWriteGeneration.writes("  /* hibernate */ update task set progress=? where id=?")).isTrue();
        assertThat(DataWriteGeneration.writes("DELETE FROM `evidence` WHERE id = ?")).isTrue();
        assertThat(DataWriteGeneration.writes("INSERT IGNORE INTO audit_entry (a) VALUES (1)")).isTrue();
        assertThat(DataWriteGeneration.writes("merge into observation key (id) values (?)")).isTrue();
        assertThat(DataWriteGeneration.writes("ALTER TABLE task ADD COLUMN x INT")).isTrue();
        assertThat(DataWriteGeneration.writes("-- note\nTRUNCATE TABLE task")).isTrue();
    }

    @Test
    void readsSessionsAndTheGenerationsThemselvesDoNot() {
        assertThat(DataWriteGeneration.writes("select * from task where id = ?")).isFalse();
        assertThat(DataWriteGeneration.writes("SELECT id FROM task FOR UPDATE")).isFalse();
        assertThat(DataWriteGeneration.writes("(select 1) union (select 2)")).isFalse();
        // Spring Session JDBC's statements (JdbcIndexedSessionRepository) and the series generations
        assertThat(DataWriteGeneration.writes("UPDATE SPRING_SESSION SET SESSION_ID = ?, LAST_ACCESS_TIME = ? WHERE PRIMARY_ID = ?")).isFalse();
        assertThat(DataWriteGeneration.writes("INSERT INTO SPRING_SESSION_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) VALUES (?, ?, ?)")).isFalse();
        assertThat(DataWriteGeneration.writes("DELETE FROM SPRING_SESSION WHERE EXPIRY_TIME < ?")).isFalse();
        assertThat(DataWriteGeneration.writes("INSERT INTO cache_generation (name, generation) VALUES (?, 1) ON DUPLICATE KEY UPDATE generation = generation + 1")).isFalse();
        assertThat(DataWriteGeneration.writes("set autocommit=0")).isFalse();
    }
}
