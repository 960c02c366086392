package vn.tracker.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.directive.DirectiveRepository;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.task.Deadline;
import vn.tracker.task.Task;
import vn.tracker.task.TaskRepository;
import vn.tracker.task.TaskStatus;

/**
 * New tasks of a CSV import are written with multi-row INSERTs, not through Hibernate: the rows,
 * derived columns and audit entries must be what the JPA path writes, and the statements of an
 * import must not grow with its rows.
 */
@IntegrationTest
class TaskBulkImportTest {

    private static final String HEADER =
            "code,title,directive_code,lead_agency_code,coordinating_agency_codes,due_on,status,result,source_doc,province\n";

    @Autowired
    CsvImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlStatements sql;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TaskRepository tasks;

    @Autowired
    AgencyRepository agencies;

    @Autowired
    DirectiveRepository directives;

    @Test
    void theBulkInsertWritesEveryColumnOfTheTaskTable() {
        Set<String> columns = jdbc.execute((ConnectionCallback<Set<String>>) c -> {
            Set<String> names = new HashSet<>();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getColumns(c.getCatalog(), null, "task", null)) {
                while (rs.next()) {
                    names.add(rs.getString("COLUMN_NAME").toLowerCase());
                }
            }
            return names;
        });
        columns.remove("id");
        assertThat(columns).containsExactlyInAnyOrderElementsOf(NewTaskInserts.TASK_COLUMNS);
    }

    @Test
    void anImportedTaskHasTheColumnsAndAuditEntryOfATaskCreatedThroughJpa(@TempDir Path dir) throws IOException {
        write(dir, "agencies.csv", """
                code,name,kind,parent_code,province
                BI-LEAD,Sở Thử nghiệm nhập khối,DEPARTMENT,GL-UBND,BI
                BI-CO,Sở Phối hợp nhập khối,DEPARTMENT,GL-UBND,BI
                """);
        write(dir, "tasks.csv", HEADER + """
                BI-1,"Số hóa hồ sơ, đợt 1",57-NQ/TW,BI-LEAD,BI-CO,Quý 3 năm 2026,COMPLETED,Đã xong,doc-1,BI
                """);
        ImportReport report = importer.importAll(CsvSource.directory(dir));
        assertThat(report.created()).isEqualTo(3);

        // The same task created through Hibernate (insert callbacks, audit listener).
        tx.executeWithoutResult(s -> {
            Task twin = new Task("BI-2", "BI", "Số hóa hồ sơ, đợt 1", agencies.findByCode("BI-LEAD").orElseThrow());
            twin.setDirective(directives.findByCode("57-NQ/TW").orElseThrow());
            twin.setDeadline(Deadline.parse("Quý 3 năm 2026").orElseThrow());
            twin.setStatus(TaskStatus.COMPLETED);
            twin.setResult("Đã xong");
            twin.setSourceDoc("doc-1");
            twin.setProgress(100);
            twin.getCoordinatingAgencies().add(agencies.findByCode("BI-CO").orElseThrow());
            tasks.save(twin);
        });

        String columns = "title, description, directive_id, lead_agency_id, start_on, due_on, due_text, due_resolution, "
                + "completed_on, status, progress, result, origin, duplicate_of_id, pilot_model_id, source_doc, "
                + "start_day, due_day, last_report_on, version";
        Map<String, Object> imported = jdbc.queryForMap("select " + columns + " from task where code = 'BI-1'");
        Map<String, Object> viaJpa = jdbc.queryForMap("select " + columns + " from task where code = 'BI-2'");
        assertThat(imported).isEqualTo(viaJpa);
        LocalDate issued = jdbc.queryForObject("select issued_on from directive where code = '57-NQ/TW'", LocalDate.class);
        assertThat(((Number) imported.get("start_day")).longValue()).isEqualTo(issued.toEpochDay());
        assertThat(jdbc.queryForObject("select search_folded from task where code = 'BI-1'", String.class))
                .isEqualTo(jdbc.queryForObject("select search_folded from task where code = 'BI-2'", String.class)
                        .replace("bi-2", "bi-1"));
        assertThat(jdbc.queryForList("select a.code from task_coordinator tc join agency a on a.id = tc.agency_id "
                + "join task t on t.id = tc.task_id where t.code = 'BI-1'", String.class)).containsExactly("BI-CO");
        assertThat(jdbc.queryForObject("select count(*) from task where code = 'BI-1' and created_at = updated_at "
                + "and created_at > ?", Integer.class, java.sql.Timestamp.valueOf("2020-01-01 00:00:00"))).isEqualTo(1);

        Map<String, Object> importedAudit = audit("BI-1");
        Map<String, Object> jpaAudit = audit("BI-2");
        assertThat(importedAudit.get("entity_id")).isEqualTo(jdbc.queryForObject(
                "select id from task where code = 'BI-1'", Long.class));
        assertThat(importedAudit.get("action")).isEqualTo("CREATE");
        assertThat(importedAudit.get("actor_kind")).isEqualTo(jpaAudit.get("actor_kind"));
        assertThat(importedAudit.get("changes")).isEqualTo(((String) jpaAudit.get("changes")).replace("BI-2", "BI-1"));
    }

    @Test
    void aCodeSeenTwiceIsCreatedOnceAndUpdatedAndAReimportUpdatesThroughJpa(@TempDir Path dir) throws IOException {
        write(dir, "tasks.csv", HEADER + """
                BD-1,Nhiệm vụ lần đầu,57-NQ/TW,GL-UBND,,2026-03-31,NOT_STARTED,,,BD
                BD-1,Nhiệm vụ sửa trong cùng tệp,57-NQ/TW,GL-UBND,,2026-03-31,IN_PROGRESS,,,BD
                """);
        ImportReport first = importer.importAll(CsvSource.directory(dir));
        assertThat(first.created()).isEqualTo(1);
        assertThat(first.updated()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select title, status from task where province_code = 'BD' and code = 'BD-1'"))
                .containsEntry("title", "Nhiệm vụ sửa trong cùng tệp").containsEntry("status", "IN_PROGRESS");

        write(dir, "tasks.csv", HEADER + """
                BD-1,Nhiệm vụ nhập lại,57-NQ/TW,GL-UBND,,2026-03-31,IN_PROGRESS,,,BD
                """);
        ImportReport again = importer.importAll(CsvSource.directory(dir));
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from task where province_code = 'BD'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("select action from audit_log where entity_type = 'Task' and entity_code = 'BD-1' "
                + "order by id", String.class)).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void statementsOfAnImportDoNotGrowWithItsRows(@TempDir Path dir) throws IOException {
        long few = statementsToImport(dir.resolve("few"), "BS-A", 10);
        long many = statementsToImport(dir.resolve("many"), "BS-B", 300);
        assertThat(many).isEqualTo(few);
    }

    private long statementsToImport(Path dir, String prefix, int rows) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append('-').append(i).append(",Nhiệm vụ số ").append(i)
                    .append(",57-NQ/TW,GL-UBND,").append(i % 2 == 0 ? "GL-SKHCN" : "")
                    .append(",2026-06-30,IN_PROGRESS,,,BS\n");
        }
        write(dir, "tasks.csv", csv.toString());
        long[] n = new long[1];
        n[0] = sql.during(() -> assertThat(importer.importAll(CsvSource.directory(dir)).created()).isEqualTo(rows));
        return n[0];
    }

    private Map<String, Object> audit(String code) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select action, actor_kind, entity_id, changes from audit_log where entity_type = 'Task' and entity_code = ?",
                code);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }
}
