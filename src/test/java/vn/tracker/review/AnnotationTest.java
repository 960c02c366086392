package vn.tracker.review;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.security.Scope;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;
import vn.tracker.task.TaskStatus;

/**
 * Annotations over HTTP: reasons raise health (never lower it), resolve, edit with history, stale
 * versions, bad input with nothing changed, permissions (admin any task, reporters their agency's,
 * read-only never), category management, closing a review, and nested fields without N+1.
 */
@IntegrationTest
class AnnotationTest {

    static final String AS_OF = "2026-03-10";
    static final LocalDate A = LocalDate.parse(AS_OF);

    @Autowired
    HttpGraphQlTester tester;
    @Autowired
    EntityManager em;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestFixtures tokens;
    @Autowired
    SqlStatements sql;

    ReviewFixtures fx;
    HttpGraphQlTester admin;

    @BeforeEach
    void construct() {
        fx = new ReviewFixtures(em, tx);
        fx.removeAll(); // leftovers of an interrupted run
        admin = ReviewFixtures.admin(tester);
        Agency so = fx.agency("T4-SO", "Sở Thử nghiệm");
        Agency xa = fx.agency("T4-XA", "UBND xã Thử nghiệm");
        fx.task("T4-A-OK", so, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(10), A.plusDays(100), 20, A.minusDays(1)));
        fx.task("T4-A-XA", xa, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(10), A.plusDays(100), 20, A.minusDays(1)));
        fx.task("T4-A-DONE", so, TaskStatus.COMPLETED,
                ReviewFixtures.dates(A.minusDays(10), A.plusDays(100), 100, A.minusDays(1)));
    }

    @AfterEach
    void clean() {
        fx.removeAll();
    }

    private String annotate(HttpGraphQlTester as, String code, String category, boolean blocking, boolean raises) {
        return as.document("""
                        mutation($code: String!, $cat: String!, $b: Boolean, $r: Boolean) {
                          annotateTask(code: $code, category: $cat, text: "Chờ hướng dẫn của Bộ", blocking: $b, raisesRisk: $r) {
                            annotation { id category { code } blocking raisesRisk createdBy version }
                            errors { code field message } } }""")
                .variable("code", code).variable("cat", category).variable("b", blocking).variable("r", raises)
                .execute().path("annotateTask.errors").entityList(Object.class).hasSize(0)
                .path("annotateTask.annotation.id").entity(String.class).get();
    }

    private String health(String code) {
        return admin.document("query($c: String!) { task(code: $c) { health(asOf: \"" + AS_OF + "\") } }")
                .variable("c", code).execute().path("task.health").entity(String.class).get();
    }

    @Test
    void raisingAndBlockingMakeATaskAtRiskUntilResolved() {
        assertThat(health("T4-A-OK")).isEqualTo("ON_TRACK");
        String id = annotate(admin, "T4-A-OK", "VENDOR", false, true);
        assertThat(health("T4-A-OK")).isEqualTo("AT_RISK");
        admin.document("""
                { task(code: "T4-A-OK") { riskReasons(asOf: "2026-03-10") { code detail }
                    latestAnnotation { text category { code nameVi } raisesRisk } } }""")
                .execute()
                .path("task.riskReasons[*].code").entityList(String.class).containsExactly("MARKED_AT_RISK")
                .path("task.riskReasons[0].detail").entity(String.class)
                .isEqualTo("[VENDOR] Chờ hướng dẫn của Bộ / [VENDOR] Chờ hướng dẫn của Bộ")
                .path("task.latestAnnotation.category.nameVi").entity(String.class).isEqualTo("Nhà cung cấp");

        admin.document("mutation($id: ID!) { resolveAnnotation(id: $id, resolution: \"Đã có hướng dẫn\") "
                        + "{ annotation { resolved resolution resolvedBy } errors { code } } }")
                .variable("id", id).execute()
                .path("resolveAnnotation.annotation.resolved").entity(Boolean.class).isEqualTo(true)
                .path("resolveAnnotation.errors").entityList(Object.class).hasSize(0);
        assertThat(health("T4-A-OK")).isEqualTo("ON_TRACK");
        admin.document("mutation($id: ID!) { resolveAnnotation(id: $id, resolution: \"lại\") "
                        + "{ annotation { id } errors { code field } } }")
                .variable("id", id).execute()
                .path("resolveAnnotation.annotation").valueIsNull()
                .path("resolveAnnotation.errors[0].code").entity(String.class).isEqualTo("CONFLICT");

        annotate(admin, "T4-A-OK", "INFRASTRUCTURE", true, false);
        assertThat(health("T4-A-OK")).isEqualTo("AT_RISK");
        // A done task stays DONE: a blocking reason never turns it red or amber, and it cannot be raised.
        annotate(admin, "T4-A-DONE", "DATA", true, false);
        assertThat(health("T4-A-DONE")).isEqualTo("DONE");
        admin.document("mutation { annotateTask(code: \"T4-A-DONE\", category: \"DATA\", text: \"x\", raisesRisk: true) "
                        + "{ annotation { id } errors { code field } } }").execute()
                .path("annotateTask.errors[0].field").entityList(String.class).containsExactly("raisesRisk");
    }

    @Test
    void aPersonRaisesHealthButNeverLowersIt() {
        Agency so = tx.execute(st -> em.createQuery("select a from Agency a where a.code = 'T4-SO'", Agency.class)
                .getSingleResult());
        // Overdue since 2026-03-07; and stale: last report 40 days before 2026-03-10.
        fx.task("T4-A-LATE", so, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(60), A.minusDays(3), 50, A.minusDays(1)));
        fx.task("T4-A-STALE", so, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(60), A.plusDays(100), 40, A.minusDays(40)));

        // Raising an overdue task adds the reason but cannot turn red into amber.
        annotate(admin, "T4-A-LATE", "RESOURCES", false, true);
        assertThat(health("T4-A-LATE")).isEqualTo("OVERDUE");
        admin.document("{ task(code: \"T4-A-LATE\") { riskReasons(asOf: \"" + AS_OF + "\") { code } } }").execute()
                .path("task.riskReasons[*].code").entityList(String.class).containsExactly("OVERDUE", "MARKED_AT_RISK");

        // Withdrawing a raise (edit, then resolve) only removes that reason: the rule that fired still holds.
        String id = annotate(admin, "T4-A-STALE", "VENDOR", false, true);
        admin.document("mutation($id: ID!) { editAnnotation(id: $id, raisesRisk: false, expectedVersion: 0) "
                        + "{ errors { code } } }").variable("id", id).execute()
                .path("editAnnotation.errors").entityList(Object.class).hasSize(0);
        assertThat(health("T4-A-STALE")).isEqualTo("AT_RISK");
        admin.document("mutation($id: ID!) { resolveAnnotation(id: $id, resolution: \"Xong\") { errors { code } } }")
                .variable("id", id).execute().path("resolveAnnotation.errors").entityList(Object.class).hasSize(0);
        admin.document("{ task(code: \"T4-A-STALE\") { health(asOf: \"" + AS_OF + "\") riskReasons(asOf: \"" + AS_OF
                        + "\") { code } } }").execute()
                .path("task.health").entity(String.class).isEqualTo("AT_RISK")
                .path("task.riskReasons[*].code").entityList(String.class).containsExactly("NO_RECENT_REPORT");
    }

    @Test
    void editsKeepHistoryAndStaleVersionsConflict() {
        String id = annotate(admin, "T4-A-OK", "DATA", false, false);
        admin.document("mutation($id: ID!) { editAnnotation(id: $id, text: \"Dữ liệu dân cư chưa đồng bộ\", "
                        + "category: \"COORDINATION\", expectedVersion: 0) { annotation { text version category { code } "
                        + "history { text category { code } version replacedBy } } errors { code } } }")
                .variable("id", id).execute()
                .path("editAnnotation.errors").entityList(Object.class).hasSize(0)
                .path("editAnnotation.annotation.text").entity(String.class).isEqualTo("Dữ liệu dân cư chưa đồng bộ")
                .path("editAnnotation.annotation.version").entity(Long.class).isEqualTo(1L)
                .path("editAnnotation.annotation.history[0].text").entity(String.class).isEqualTo("Chờ hướng dẫn của Bộ")
                .path("editAnnotation.annotation.history[0].category.code").entity(String.class).isEqualTo("DATA")
                .path("editAnnotation.annotation.history[0].replacedBy").entity(String.class).satisfies(v -> assertThat(v).isNotBlank());
        admin.document("mutation($id: ID!) { editAnnotation(id: $id, text: \"ghi đè\", expectedVersion: 0) "
                        + "{ annotation { id } errors { code } } }")
                .variable("id", id).execute()
                .path("editAnnotation.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        admin.document("mutation($id: ID!) { editAnnotation(id: $id, text: \"   \") { errors { code field } } }")
                .variable("id", id).execute()
                .path("editAnnotation.errors[0].code").entity(String.class).isEqualTo("BAD_USER_INPUT")
                .path("editAnnotation.errors[0].field").entityList(String.class).containsExactly("text");
        admin.document("query($id: ID!) { annotation(id: $id) { text history { text } } }").variable("id", id).execute()
                .path("annotation.text").entity(String.class).isEqualTo("Dữ liệu dân cư chưa đồng bộ")
                .path("annotation.history").entityList(Object.class).hasSize(1);
    }

    @Test
    void badInputChangesNothing() {
        admin.document("""
                mutation { a: annotateTask(code: "T4-A-OK", category: "NO_SUCH", text: "x") { annotation { id } errors { code field } }
                  b: annotateTask(code: "T4-A-OK", category: "DATA", text: "") { annotation { id } errors { code field } }
                  c: annotateTask(code: "NO-SUCH-TASK", category: "DATA", text: "x") { annotation { id } errors { code field } }
                  d: resolveAnnotation(id: "abc", resolution: "x") { annotation { id } errors { code field } } }""")
                .execute()
                .path("a.annotation").valueIsNull()
                .path("a.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("a.errors[0].field").entityList(String.class).containsExactly("category")
                .path("b.errors[0].code").entity(String.class).isEqualTo("BAD_USER_INPUT")
                .path("c.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("d.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        admin.document("{ task(code: \"T4-A-OK\") { latestAnnotation { id } annotations { totalCount } } }").execute()
                .path("task.latestAnnotation").valueIsNull()
                .path("task.annotations.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void reportersAnnotateTheirAgencysTasksAndReadOnlyNever() {
        HttpGraphQlTester reporter = withToken(tokens.portalToken("T4-SO", Scope.READ, Scope.REPORT));
        HttpGraphQlTester readOnly = withToken(tokens.portalToken("T4-SO", Scope.READ));
        annotate(reporter, "T4-A-OK", "RESOURCES", false, false);
        String mutation = "mutation { annotateTask(code: \"T4-A-XA\", category: \"DATA\", text: \"x\") "
                + "{ annotation { id } errors { code } } }";
        reporter.document(mutation).execute().path("annotateTask.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        readOnly.document(mutation.replace("T4-A-XA", "T4-A-OK")).execute()
                .path("annotateTask.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        reporter.document("mutation { saveReasonCategory(code: \"LAND\", nameVi: \"Đất đai\", nameEn: \"Land\") "
                        + "{ category { code } errors { code } } }").execute()
                .path("saveReasonCategory.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        reporter.document("mutation { closeWeeklyReview(asOf: \"2026-03-10\") { review { week } errors { code } } }")
                .execute().path("closeWeeklyReview.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        admin.document("{ t: task(code: \"T4-A-XA\") { annotations { totalCount } } "
                        + "o: task(code: \"T4-A-OK\") { annotations { totalCount } } }").execute()
                .path("t.annotations.totalCount").entity(Integer.class).isEqualTo(0)
                .path("o.annotations.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void adminsManageCategoriesAndInactiveOnesAreNotOffered() {
        try {
            admin.document("mutation { saveReasonCategory(code: \"T4_LAND\", nameVi: \"Đất đai\", nameEn: \"Land\") "
                            + "{ category { code nameVi active sortOrder version } errors { code } } }").execute()
                    .path("saveReasonCategory.category.nameVi").entity(String.class).isEqualTo("Đất đai")
                    .path("saveReasonCategory.category.sortOrder").entity(Integer.class)
                    .satisfies(order -> assertThat(order).isGreaterThan(9));
            admin.document("{ reasonCategories { code } }").execute()
                    .path("reasonCategories[*].code").entityList(String.class)
                    .satisfies(codes -> assertThat(codes).startsWith("INSTITUTIONS", "DATA", "INFRASTRUCTURE", "SECURITY",
                            "RESOURCES", "COORDINATION", "CENTRAL_DEPENDENCY", "VENDOR", "OTHER").endsWith("T4_LAND"));
            admin.document("mutation { saveReasonCategory(code: \"T4_LAND\", nameVi: \"Đất đai\", nameEn: \"Land\", "
                            + "active: false, expectedVersion: 0) { category { active } errors { code } } }").execute()
                    .path("saveReasonCategory.category.active").entity(Boolean.class).isEqualTo(false);
            admin.document("{ reasonCategories { code } }").execute()
                    .path("reasonCategories[*].code").entityList(String.class).doesNotContain("T4_LAND");
            admin.document("mutation { annotateTask(code: \"T4-A-OK\", category: \"T4_LAND\", text: \"x\") "
                            + "{ errors { code field } } }").execute()
                    .path("annotateTask.errors[0].field").entityList(String.class).containsExactly("category");
            admin.document("mutation { saveReasonCategory(code: \"bad code\", nameVi: \"\", nameEn: \"x\") "
                            + "{ errors { field } } }").execute()
                    .path("saveReasonCategory.errors[*].field").entityList(Object.class).hasSize(2);
        } finally {
            tx.executeWithoutResult(s -> em.createNativeQuery("delete from reason_category where code = 'T4_LAND'")
                    .executeUpdate());
        }
    }

    @Test
    void closingAWeekOverHttp() {
        admin.document("mutation { closeWeeklyReview(asOf: \"2026-03-10\") { review { week closed closedBy totals { overdue } } "
                        + "errors { code } } }").execute()
                .path("closeWeeklyReview.review.week").entity(String.class).isEqualTo("2026-W11")
                .path("closeWeeklyReview.review.closed").entity(Boolean.class).isEqualTo(true)
                .path("closeWeeklyReview.review.closedBy").entity(String.class).satisfies(v -> assertThat(v).isNotBlank());
        admin.document("mutation { closeWeeklyReview(asOf: \"2026-03-12\") { review { week } errors { code } } }").execute()
                .path("closeWeeklyReview.review").valueIsNull()
                .path("closeWeeklyReview.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        admin.document("mutation { closeWeeklyReview(asOf: \"2999-01-01\") { review { week } errors { code field } } }")
                .execute().path("closeWeeklyReview.errors[0].field").entityList(String.class).containsExactly("asOf");
        admin.document("{ closedWeeklyReviews { asOf week closed } }").execute()
                .path("closedWeeklyReviews[*].week").entityList(String.class).containsExactly("2026-W11");
    }

    @Test
    void nestedReviewFieldsLoadInBatches() {
        Agency so = tx.execute(s -> em.createQuery("select a from Agency a where a.code = 'T4-SO'", Agency.class)
                .getSingleResult());
        for (int i = 0; i < 25; i++) {
            fx.task("T4-A-MORE-" + i, so, TaskStatus.NOT_STARTED,
                    ReviewFixtures.dates(A.minusDays(10), A.plusDays(i), 0, null));
        }
        annotate(admin, "T4-A-OK", "DATA", true, false);
        annotate(admin, "T4-A-XA", "DATA", false, true);
        String query = """
                query($n: Int) { tasks(first: $n, filter: {province: "T4"}) { edges { node { code
                  health(asOf: "2026-03-10") riskReasons(asOf: "2026-03-10") { code } deadlineStatus(asOf: "2026-03-10")
                  latestAnnotation { text category { code } task { code } history { text } }
                  annotations(first: 5) { totalCount edges { node { text category { code } } } } } } } }""";
        // The same statements for 3 tasks as for 28: every nested field is one batch per level.
        long few = sql.during(() -> TestTokens.uncached(admin).document(query).variable("n", 3).execute()
                .path("tasks.edges").entityList(Object.class).hasSize(3));
        long many = sql.during(() -> TestTokens.uncached(admin).document(query).variable("n", 28).execute()
                .path("tasks.edges").entityList(Object.class).hasSize(28));
        assertThat(many).isEqualTo(few);
    }

    private HttpGraphQlTester withToken(String token) {
        return tester.mutate().header("Authorization", "Bearer " + token).responseTimeout(Duration.ofSeconds(60)).build();
    }
}
