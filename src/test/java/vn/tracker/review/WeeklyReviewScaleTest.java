package vn.tracker.review;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tracker.agency.Agency;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.ReasonCategory;
import vn.tracker.console.ConsoleTestClient;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.support.TestTokens;
import vn.tracker.task.Deadline;
import vn.tracker.task.Task;
import vn.tracker.task.TaskStatus;

/**
 * The weekly review at size: its SQL statements do not grow with the flagged tasks (the review
 * once loaded them in id-list batches of 1,024, so a province with thousands of them cost dozens
 * of statements), and its item lists are cut per group while every count stays exact.
 */
@IntegrationTest
class WeeklyReviewScaleTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);

    /** The old full answer: every item of every group and every unexplained task. */
    static final String FULL = """
            query($asOf: Date) { weeklyReview(asOf: $asOf, filter: {province: "T4"}, live: true) {
              totals { overdue atRisk flagged unexplained tasks done onTrack }
              groups { agencyCode overdue atRisk unexplained
                items(first: null) { code explained reasons { code } latestAnnotation { text } } }
              unexplained(first: null) { code } } }""";

    @Autowired
    HttpGraphQlTester tester;
    @Autowired
    EntityManager em;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SqlStatements sql;
    @LocalServerPort
    int port;

    ReviewFixtures fx;
    Agency so;
    Agency xa;

    @BeforeEach
    void construct() {
        fx = new ReviewFixtures(em, tx);
        fx.removeAll();
        so = fx.agency("T4-SC-SO", "Sở Quy mô");
        xa = fx.agency("T4-SC-XA", "UBND xã Quy mô");
    }

    @AfterEach
    void clean() {
        fx.removeAll();
    }

    HttpGraphQlTester admin() {
        return TestTokens.uncached(ReviewFixtures.admin(tester));
    }

    /**
     * Overdue tasks T4-SC-{prefix}-0000… in one transaction; every third has an open blocking
     * annotation (explained, with a reason), every fifth a resolved one (latest but not explaining).
     */
    void overdue(Agency lead, String prefix, int from, int to) {
        tx.executeWithoutResult(s -> {
            ReasonCategory vendor = em.createQuery("select c from ReasonCategory c where c.code = 'VENDOR'",
                    ReasonCategory.class).getSingleResult();
            for (int i = from; i < to; i++) {
                Task t = new Task("T4-SC-%s-%04d".formatted(prefix, i), ReviewFixtures.PROVINCE, "Nhiệm vụ quy mô " + i,
                        em.getReference(Agency.class, lead.getId()));
                t.setStatus(TaskStatus.IN_PROGRESS);
                t.setStartOn(AS_OF.minusDays(60));
                t.setDeadline(Deadline.ofDay(AS_OF.minusDays(1 + i % 20)));
                t.setProgress(50);
                t.setLastReportOn(AS_OF.minusDays(3));
                em.persist(t);
                if (i % 3 == 0) {
                    em.persist(new Annotation(t, vendor, "Chậm bàn giao " + i, true, "test"));
                } else if (i % 5 == 0) {
                    Annotation a = new Annotation(t, vendor, "Đã xử lý " + i, false, "test");
                    a.resolve("Xong", "test");
                    em.persist(a);
                }
                if (i % 200 == 199) {
                    em.flush();
                    em.clear();
                    vendor = em.merge(vendor);
                }
            }
        });
    }

    /** The default answer: 20 items per group, 20 unexplained (a count, then the kept items' columns). */
    static final String CUT = """
            query($asOf: Date) { weeklyReview(asOf: $asOf, filter: {province: "T4"}, live: true) {
              totals { overdue flagged unexplained }
              groups { agencyCode overdue items { code reasons { code } latestAnnotation { text } } }
              unexplained { code } } }""";

    long statements(String document, int flagged, int items) {
        admin().document(document).variable("asOf", AS_OF.toString()).execute(); // warm-up: first-use initialisation
        return sql.during(() -> admin().document(document).variable("asOf", AS_OF.toString()).execute()
                .path("weeklyReview.totals.flagged").entity(Integer.class).isEqualTo(flagged)
                .path("weeklyReview.groups[0].items").entityList(Object.class).hasSize(items));
    }

    @Test
    void statementsStayTheSameFromFiveToOverAThousandFlaggedTasks() {
        overdue(so, "A", 0, 5);
        long small = statements(FULL, 5, 5);
        long smallCut = statements(CUT, 5, 5);
        overdue(so, "A", 5, 1_100); // more than one id-list batch (1,024)
        long large = statements(FULL, 1_100, 1_100);
        long largeCut = statements(CUT, 1_100, 20);
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(8);
        assertThat(largeCut).isEqualTo(smallCut).isLessThanOrEqualTo(small + 1);

        admin().document(FULL).variable("asOf", AS_OF.toString()).execute()
                .path("weeklyReview.totals.overdue").entity(Integer.class).isEqualTo(1_100)
                .path("weeklyReview.totals.unexplained").entity(Integer.class)
                .isEqualTo((int) IntStream.range(0, 1_100).filter(i -> i % 3 != 0).count())
                .path("weeklyReview.unexplained").entityList(Object.class).hasSize(733)
                .path("weeklyReview.groups[0].items[0].code").entity(String.class).isEqualTo("T4-SC-A-0000")
                .path("weeklyReview.groups[0].items[0].explained").entity(Boolean.class).isEqualTo(true)
                .path("weeklyReview.groups[0].items[0].reasons[*].code").entityList(String.class)
                .containsExactly("OVERDUE", "BLOCKING_ANNOTATION")
                .path("weeklyReview.groups[0].items[0].latestAnnotation.text").entity(String.class)
                .isEqualTo("Chậm bàn giao 0")
                .path("weeklyReview.groups[0].items[5].latestAnnotation.text").entity(String.class)
                .isEqualTo("Đã xử lý 5")
                .path("weeklyReview.groups[0].items[5].explained").entity(Boolean.class).isEqualTo(false)
                .path("weeklyReview.groups[0].items[1].latestAnnotation").valueIsNull();
    }

    @Test
    void itemsAreCutPerGroupAndPagedWhileCountsStayExact() {
        overdue(so, "A", 0, 120);
        overdue(xa, "B", 0, 3);
        List<String> page = IntStream.range(100, 120).mapToObj(i -> "T4-SC-A-%04d".formatted(i)).toList();
        admin().document("""
                query($asOf: Date) { weeklyReview(asOf: $asOf, filter: {province: "T4"}, live: true) {
                  totals { overdue flagged unexplained }
                  groups { agencyCode overdue atRisk unexplained items { code } tail: items(first: 30, offset: 100) { code } }
                  unexplained { code } } }""").variable("asOf", AS_OF.toString()).execute()
                .path("weeklyReview.totals.flagged").entity(Integer.class).isEqualTo(123)
                .path("weeklyReview.totals.unexplained").entity(Integer.class).isEqualTo(80 + 2)
                .path("weeklyReview.groups[*].agencyCode").entityList(String.class)
                .containsExactly("T4-SC-SO", "T4-SC-XA")
                .path("weeklyReview.groups[0].overdue").entity(Integer.class).isEqualTo(120)
                .path("weeklyReview.groups[0].unexplained").entity(Integer.class).isEqualTo(80)
                .path("weeklyReview.groups[0].items").entityList(Object.class).hasSize(20)
                .path("weeklyReview.groups[0].tail[*].code").entityList(String.class).isEqualTo(page)
                .path("weeklyReview.groups[1].items").entityList(Object.class).hasSize(3)
                .path("weeklyReview.groups[1].tail").entityList(Object.class).hasSize(0)
                .path("weeklyReview.unexplained").entityList(Object.class).hasSize(20);
        // Counts only: no items built at all.
        admin().document("""
                query($asOf: Date) { weeklyReview(asOf: $asOf, filter: {province: "T4"}, live: true) {
                  groups { agencyCode overdue } } }""").variable("asOf", AS_OF.toString()).execute()
                .path("weeklyReview.groups[0].overdue").entity(Integer.class).isEqualTo(120);
        admin().document("""
                { weeklyReview(asOf: "2026-03-10", filter: {province: "T4"}) { groups { items(first: -1) { code } } } }""")
                .execute().errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("code", "BAD_USER_INPUT"));
    }

    @Test
    void consolePageShowsTwentyPerAgencyWithExactCountsAndLinksToTheFullList() {
        overdue(so, "A", 0, 45);
        overdue(xa, "B", 0, 3);
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        String page = tgv.get("/review?asOf=2026-03-10&province=T4").body();
        assertThat(page).contains("id=\"agency-T4-SC-SO\"", "45 quá hạn, 0 có nguy cơ, 30 chưa giải trình",
                "data-code=\"T4-SC-A-0019\"", "Đang hiện 20 trên 45 nhiệm vụ.",
                "href=\"/review?asOf=2026-03-10&amp;province=T4&amp;agency=T4-SC-SO\"",
                "data-code=\"T4-SC-B-0002\"", "href=\"/review/appendix.xlsx?asOf=2026-03-10&amp;province=T4\"")
                .doesNotContain("data-code=\"T4-SC-A-0020\"", "agency=T4-SC-XA\"");
        String agency = tgv.get("/review?asOf=2026-03-10&province=T4&agency=T4-SC-SO").body();
        assertThat(agency).contains("data-code=\"T4-SC-A-0044\"").doesNotContain("id=\"agency-T4-SC-XA\"",
                "Đang hiện");
    }
}
