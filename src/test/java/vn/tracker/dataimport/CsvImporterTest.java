package vn.tracker.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tracker.support.IntegrationTest;

@IntegrationTest
class CsvImporterTest {

    private static final List<String> TABLES = List.of("agency", "directive", "directive_program", "program",
            "task", "task_coordinator", "indicator", "target", "observation", "observation_revision", "pilot_model",
            "pilot_model_decision", "pilot_model_declared");

    @Autowired
    CsvImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importingTheSampleAgainChangesNothing() {
        Map<String, Integer> before = counts();
        String maxUpdate = jdbc.queryForObject("select max(updated_at) from task", String.class);
        ImportReport report = importer.importAll(CsvSource.sample());
        assertThat(report.created()).isZero();
        assertThat(report.updated()).isZero();
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select max(updated_at) from task", String.class)).isEqualTo(maxUpdate);
    }

    @Test
    void sampleCountsMatchTheFiles() {
        assertThat(count("agency")).isGreaterThanOrEqualTo(65);
        assertThat(count("directive")).isGreaterThanOrEqualTo(143);
        assertThat(count("indicator")).isGreaterThanOrEqualTo(228);
        assertThat(count("pilot_model")).isGreaterThanOrEqualTo(13);
        assertThat(jdbc.queryForObject("select count(*) from task where code like 'GEN-%'", Integer.class))
                .isEqualTo(3);
        // 242 observation rows, some being earlier revisions of the same (indicator, scope, period). Only
        // imported indicators count: closing a weekly review (other suites, browser tests) adds values of the
        // built-in review indicators (TASKS_OVERDUE, …), which are not part of the sample.
        assertThat(importedObservations()).isEqualTo(242);
    }

    @Test
    void latestRevisionIsCurrentAndEarlierOneIsKept() {
        Map<String, Object> current = jdbc.queryForMap("""
                select o.obs_value, o.as_of from observation o join indicator i on i.id = o.indicator_id
                join agency a on a.id = o.agency_id
                where i.code = 'TTHC_DIGITIZATION_RATE' and a.code = 'GL' and o.period = '2025'""");
        assertThat(((Number) current.get("obs_value")).doubleValue()).isEqualTo(88.21);
        List<Double> earlier = jdbc.queryForList("""
                select r.obs_value from observation_revision r join observation o on o.id = r.observation_id
                join indicator i on i.id = o.indicator_id join agency a on a.id = o.agency_id
                where i.code = 'TTHC_DIGITIZATION_RATE' and a.code = 'GL' and o.period = '2025'""", Double.class);
        assertThat(earlier).containsExactly(85.49);
    }

    @Test
    void aFileWithOneBadRowIsRejectedWithItsLineAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("agencies.csv"), """
                code,name,kind,parent_code,province
                GL-TEST-1,Sở Thử nghiệm,DEPARTMENT,GL-UBND,GL
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("tasks.csv"), """
                code,title,directive_code,lead_agency_code,coordinating_agency_codes,due_on,status,result,source_doc,province
                T-OK-1,Nhiệm vụ hợp lệ,57-NQ/TW,GL-TEST-1,,2026-03-31,NOT_STARTED,,,GL
                T-BAD-2,Nhiệm vụ có cơ quan không tồn tại,57-NQ/TW,GL-NO-SUCH,,2026-03-31,NOT_STARTED,,,GL
                T-BAD-3,Nhiệm vụ có ngày sai,57-NQ/TW,GL-TEST-1,,2026-02-30,NOT_STARTED,,,GL
                """, StandardCharsets.UTF_8);
        Map<String, Integer> before = counts();
        assertThatThrownBy(() -> importer.importAll(CsvSource.directory(dir)))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.getProblems()).extracting(ImportProblem::file, ImportProblem::line)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("tasks.csv", 3L),
                                    org.assertj.core.groups.Tuple.tuple("tasks.csv", 4L));
                    assertThat(e.getProblems().get(0).reason()).contains("GL-NO-SUCH");
                });
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from agency where code = 'GL-TEST-1'", Integer.class))
                .isZero();
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, count(t)));
        return counts;
    }

    private int importedObservations() {
        return jdbc.queryForObject("""
                select (select count(*) from observation o join indicator i on i.id = o.indicator_id
                        where i.built_in = false)
                     + (select count(*) from observation_revision r join observation o on o.id = r.observation_id
                        join indicator i on i.id = o.indicator_id where i.built_in = false)""", Integer.class);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
