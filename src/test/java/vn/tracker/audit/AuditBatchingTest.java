package vn.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;
import vn.tracker.task.Task;

/**
 * Auditing adds one SQL statement per transaction, not one per written row: a progress report with
 * 20 evidence items costs exactly 19 statements more than one with a single item (the 19 extra
 * evidence inserts), while the audit log gains 19 more rows.
 */
@IntegrationTest
class AuditBatchingTest {

    private static final String REPORT = """
            mutation($code: String!, $evidence: [EvidenceInput!]) {
              reportProgress(code: $code, status: IN_PROGRESS, progress: 20, reportedOn: "2026-01-05",
                evidence: $evidence) { errors { code } } }""";

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    vn.tracker.agency.AgencyRepository agencies;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Autowired
    SqlStatements sql;

    @Autowired
    JdbcTemplate jdbc;

    private long[] report(int evidenceItems) {
        Task task = fixtures.newTask(vn.tracker.security.TestAgencies.OWN, LocalDate.of(2026, 6, 30));
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (int i = 0; i < evidenceItems; i++) {
            evidence.add(Map.of("title", "Minh chứng " + i));
        }
        long auditBefore = jdbc.queryForObject("select count(*) from audit_log", Long.class);
        long statements = sql.during(() -> TestTokens.uncached(TestTokens.asAdmin(tester)).document(REPORT)
                .variable("code", task.getCode()).variable("evidence", evidence).execute()
                .path("reportProgress.errors").entityList(Object.class).hasSize(0));
        long auditRows = jdbc.queryForObject("select count(*) from audit_log", Long.class) - auditBefore;
        return new long[] {statements, auditRows};
    }

    @Test
    void auditRowsOfOneTransactionAreWrittenInOneBatch() {
        vn.tracker.security.TestAgencies.ensure(agencies, tx);
        report(1); // warm-up: caches and prepared statements of the first call are not the point
        long[] one = report(1);
        long[] twenty = report(20);
        assertThat(twenty[1] - one[1]).isEqualTo(19);
        assertThat(twenty[0] - one[0]).isEqualTo(19);
    }
}
