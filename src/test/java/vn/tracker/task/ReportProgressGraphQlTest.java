package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.security.Scope;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;

/** reportProgress, addEvidence and linkDuplicate over HTTP: payloads, validation, conflicts, permissions. */
@IntegrationTest
class ReportProgressGraphQlTest {

    static final String REPORT = """
            mutation($code: String!, $status: TaskStatus!, $progress: Int, $result: String,
                     $evidence: [EvidenceInput!], $reportedOn: Date, $expectedVersion: Long) {
              reportProgress(code: $code, status: $status, progress: $progress, result: $result,
                             evidence: $evidence, reportedOn: $reportedOn, expectedVersion: $expectedVersion) {
                task { code status progress result completedOn version evidence { title url createdBy } }
                progressReport { status progress result reportedOn reportedBy reportedAt }
                errors { code field message }
              }
            }""";

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    TestFixtures fixtures;

    @Test
    void aReportMovesTheTaskAndIsKeptAsHistory() {
        Task task = fixtures.newTask("GL-CA", LocalDate.of(2026, 3, 31));
        String injection = "'; DROP TABLE task; -- <script>alert(1)</script>";
        TestTokens.asAdmin(tester).document(REPORT)
                .variable("code", task.getCode()).variable("status", "IN_PROGRESS").variable("progress", 40)
                .variable("result", injection).variable("reportedOn", "2026-01-05")
                .variable("expectedVersion", task.getVersion())
                .variable("evidence", List.of(Map.of("title", "Báo cáo số 12/BC-CA", "url", "https://example.vn/bc12")))
                .execute()
                .path("reportProgress.errors").entityList(Object.class).hasSize(0)
                .path("reportProgress.task.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("reportProgress.task.progress").entity(Integer.class).isEqualTo(40)
                .path("reportProgress.task.result").entity(String.class).isEqualTo(injection)
                .path("reportProgress.task.version").entity(Long.class).isEqualTo(task.getVersion() + 1)
                .path("reportProgress.task.evidence[0].title").entity(String.class).isEqualTo("Báo cáo số 12/BC-CA")
                .path("reportProgress.progressReport.reportedOn").entity(String.class).isEqualTo("2026-01-05")
                .path("reportProgress.progressReport.reportedBy").entity(String.class).isEqualTo("token:bootstrap-admin")
                .path("reportProgress.progressReport.reportedAt").hasValue();
        Task stored = fixtures.reload(task);
        assertThat(stored.getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(stored.getLastReportOn()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void completingSetsFullProgressAndTheCompletionDate() {
        Task task = fixtures.newTask("GL-CA", LocalDate.of(2026, 3, 31));
        TestTokens.asAdmin(tester).document(REPORT)
                .variable("code", task.getCode()).variable("status", "COMPLETED").variable("reportedOn", "2026-01-02")
                .execute()
                .path("reportProgress.errors").entityList(Object.class).hasSize(0)
                .path("reportProgress.task.progress").entity(Integer.class).isEqualTo(100)
                .path("reportProgress.task.completedOn").entity(String.class).isEqualTo("2026-01-02");
    }

    @Test
    void badInputIsReportedFieldByFieldAndChangesNothing() {
        Task task = fixtures.newTask("GL-CA", LocalDate.of(2026, 3, 31));
        TestTokens.asAdmin(tester).document(REPORT)
                .variable("code", task.getCode()).variable("status", "IN_PROGRESS").variable("progress", 120)
                .variable("evidence", List.of(Map.of("title", " ", "url", "javascript:alert(1)")))
                .execute()
                .path("reportProgress.task").valueIsNull()
                .path("reportProgress.progressReport").valueIsNull()
                .path("reportProgress.errors[*].code").entityList(String.class)
                .containsExactly("BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT")
                .path("reportProgress.errors[*].field").entityList(Object.class).containsExactly(
                        List.of("progress"), List.of("evidence", "0", "title"), List.of("evidence", "0", "url"));
        Task stored = fixtures.reload(task);
        assertThat(stored.getStatus()).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(stored.getProgress()).isZero();
        assertThat(stored.getVersion()).isEqualTo(task.getVersion());
    }

    @Test
    void malformedDateIsARequestError() {
        Task task = fixtures.newTask("GL-CA", null);
        TestTokens.asAdmin(tester).document(REPORT)
                .variable("code", task.getCode()).variable("status", "IN_PROGRESS").variable("reportedOn", "2026-13-45")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(fixtures.reload(task).getStatus()).isEqualTo(TaskStatus.NOT_STARTED);
    }

    @Test
    void staleVersionIsAConflictNeverAnOverwrite() {
        Task task = fixtures.newTask("GL-CA", null);
        HttpGraphQlTester admin = TestTokens.asAdmin(tester);
        admin.document(REPORT).variable("code", task.getCode()).variable("status", "IN_PROGRESS")
                .variable("progress", 10).variable("expectedVersion", task.getVersion()).execute()
                .path("reportProgress.errors").entityList(Object.class).hasSize(0);
        admin.document(REPORT).variable("code", task.getCode()).variable("status", "IN_PROGRESS")
                .variable("progress", 90).variable("expectedVersion", task.getVersion()).execute()
                .path("reportProgress.task").valueIsNull()
                .path("reportProgress.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
                .path("reportProgress.errors[0].field").entityList(String.class).containsExactly("expectedVersion");
        assertThat(fixtures.reload(task).getProgress()).isEqualTo(10);
    }

    @Test
    void unknownCodeIsNotFound() {
        TestTokens.asAdmin(tester).document(REPORT).variable("code", "NO-SUCH-TASK").variable("status", "COMPLETED")
                .execute()
                .path("reportProgress.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("reportProgress.errors[0].field").entityList(String.class).containsExactly("code");
    }

    @Test
    void reportersWriteOnlyTheirOwnAgencysTasks() {
        Task own = fixtures.newTask("GL-CA", null);
        Task other = fixtures.newTask("GL-VPUBND", null);
        HttpGraphQlTester reporter = tester.mutate()
                .header("Authorization", "Bearer " + fixtures.portalToken("GL-CA", Scope.READ, Scope.REPORT)).build();
        reporter.document(REPORT).variable("code", own.getCode()).variable("status", "IN_PROGRESS").execute()
                .path("reportProgress.errors").entityList(Object.class).hasSize(0);
        reporter.document(REPORT).variable("code", other.getCode()).variable("status", "IN_PROGRESS").execute()
                .path("reportProgress.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        HttpGraphQlTester reader = tester.mutate()
                .header("Authorization", "Bearer " + fixtures.portalToken("GL-CA", Scope.READ)).build();
        reader.document(REPORT).variable("code", own.getCode()).variable("status", "COMPLETED").execute()
                .path("reportProgress.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        assertThat(fixtures.reload(other).getStatus()).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(fixtures.reload(own).getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void addEvidenceAndLinkDuplicate() {
        Task original = fixtures.newTask("GL-CA", null);
        Task duplicate = fixtures.newTask("GL-CA", null);
        HttpGraphQlTester admin = TestTokens.asAdmin(tester);
        admin.document("""
                mutation($code: String!) { addEvidence(code: $code, evidence: [{title: "Công văn 5/CA", documentNumber: "5/CA"}]) {
                  task { evidence { title documentNumber } } errors { code } } }""")
                .variable("code", original.getCode()).execute()
                .path("addEvidence.errors").entityList(Object.class).hasSize(0)
                .path("addEvidence.task.evidence[0].documentNumber").entity(String.class).isEqualTo("5/CA");
        String link = """
                mutation($code: String!, $of: String) { linkDuplicate(code: $code, duplicateOf: $of) {
                  task { code duplicateOf { code } } errors { code field } } }""";
        admin.document(link).variable("code", duplicate.getCode()).variable("of", original.getCode()).execute()
                .path("linkDuplicate.errors").entityList(Object.class).hasSize(0)
                .path("linkDuplicate.task.duplicateOf.code").entity(String.class).isEqualTo(original.getCode());
        // The reverse link would form a cycle.
        admin.document(link).variable("code", original.getCode()).variable("of", duplicate.getCode()).execute()
                .path("linkDuplicate.errors[0].code").entity(String.class).isEqualTo("BAD_USER_INPUT");
        admin.document(link).variable("code", duplicate.getCode()).variable("of", "NO-SUCH").execute()
                .path("linkDuplicate.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("linkDuplicate.errors[0].field").entityList(String.class).containsExactly("duplicateOf");
    }
}
