package vn.tracker.review;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.task.TaskStatus;

/**
 * byDeadlineStatus per group of a grouped taskStats (each lead agency its own four-way counts) on
 * constructed tasks whose deadline statuses as of {@link #A} are worked out by hand below, and the
 * proof that it is counted by GROUP BY in SQL: one more statement for all groups, not one per group.
 */
@IntegrationTest
class DeadlineStatsPerGroupTest {

    static final LocalDate A = LocalDate.of(2026, 3, 10);

    @Autowired
    HttpGraphQlTester tester;
    @Autowired
    EntityManager em;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SqlStatements sql;

    ReviewFixtures fixtures;

    /*
     * As of 2026-03-10, counts in the order COMPLETED_ON_TIME, COMPLETED_LATE, IN_PROGRESS_WITHIN_TERM,
     * OVERDUE, CANCELLED:
     *   T4-DA: DA1 on time, DA2 late, DA3 overdue, DA4 in term, DA5 overdue  → 1, 1, 1, 2, 0
     *          (DA5 is COMPLETED but on 2026-03-15, after the as-of date: still open and past due then)
     *   T4-DB: DB1 in term (ONGOING is never overdue), DB2 cancelled, DB3 in term (due today),
     *          DB4 on time (completed, no completion date)                     → 1, 0, 2, 0, 1
     *   T4-DC: DC1 overdue                                                     → 0, 0, 0, 1, 0
     *   all:                                                                   → 2, 1, 3, 3, 1
     */
    @BeforeEach
    void constructTasks() {
        fixtures = new ReviewFixtures(em, tx);
        fixtures.removeAll();
        Agency da = fixtures.agency("T4-DA", "Sở A");
        Agency db = fixtures.agency("T4-DB", "Sở B");
        Agency dc = fixtures.agency("T4-DC", "Sở C");
        fixtures.task("T4-DA1", da, TaskStatus.COMPLETED, ReviewFixtures.dates(A.minusDays(90), A.minusDays(20), 100,
                A.minusDays(30)).andThen(t -> t.setCompletedOn(A.minusDays(30))));
        fixtures.task("T4-DA2", da, TaskStatus.COMPLETED, ReviewFixtures.dates(A.minusDays(90), A.minusDays(20), 100,
                A.minusDays(10)).andThen(t -> t.setCompletedOn(A.minusDays(10))));
        fixtures.task("T4-DA3", da, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(90), A.minusDays(1), 50, A.minusDays(2)));
        fixtures.task("T4-DA4", da, TaskStatus.NOT_STARTED,
                ReviewFixtures.dates(A.minusDays(10), A.plusDays(30), 0, A.minusDays(1)));
        fixtures.task("T4-DA5", da, TaskStatus.COMPLETED, ReviewFixtures.dates(A.minusDays(90), A.minusDays(2), 100,
                A.plusDays(5)).andThen(t -> t.setCompletedOn(A.plusDays(5))));
        fixtures.task("T4-DB1", db, TaskStatus.ONGOING,
                ReviewFixtures.dates(A.minusDays(300), A.minusDays(100), 0, A.minusDays(1)));
        fixtures.task("T4-DB2", db, TaskStatus.CANCELLED,
                ReviewFixtures.dates(A.minusDays(90), A.minusDays(20), 0, A.minusDays(40)));
        fixtures.task("T4-DB3", db, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(60), A, 90, A.minusDays(1)));
        fixtures.task("T4-DB4", db, TaskStatus.COMPLETED,
                ReviewFixtures.dates(A.minusDays(90), A.minusDays(20), 100, A.minusDays(25)));
        fixtures.task("T4-DC1", dc, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(90), A.minusDays(5), 60, A.minusDays(3)));
    }

    @AfterEach
    void removeTasks() {
        fixtures.removeAll();
    }

    @Test
    void eachAgencyGetsItsOwnDeadlineStatusCounts() {
        GraphQlTester.Response r = ReviewFixtures.admin(tester).document("""
                { taskStats(filter: {province: "T4"}, groupBy: [AGENCY], asOf: "2026-03-10") {
                    byDeadlineStatus { deadlineStatus count }
                    groups { agency { code } counts { total } byDeadlineStatus { deadlineStatus count } } } }""")
                .execute();
        r.path("taskStats.byDeadlineStatus[*].count").entityList(Integer.class).containsExactly(2, 1, 3, 3, 1)
                .path("taskStats.groups[*].agency.code").entityList(String.class)
                .containsExactly("T4-DA", "T4-DB", "T4-DC")
                .path("taskStats.groups[*].counts.total").entityList(Integer.class).containsExactly(5, 4, 1)
                .path("taskStats.groups[0].byDeadlineStatus[*].deadlineStatus").entityList(String.class)
                .containsExactly("COMPLETED_ON_TIME", "COMPLETED_LATE", "IN_PROGRESS_WITHIN_TERM", "OVERDUE", "CANCELLED")
                .path("taskStats.groups[0].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(1, 1, 1, 2, 0)
                .path("taskStats.groups[1].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(1, 0, 2, 0, 1)
                .path("taskStats.groups[2].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(0, 0, 0, 1, 0);
    }

    @Test
    void combinedDimensionsHealthFilterAndAgencyScope() {
        ReviewFixtures.admin(tester).document("""
                { byStatus: taskStats(filter: {province: "T4", leadAgency: ["T4-DA"]}, groupBy: [AGENCY, STATUS],
                    asOf: "2026-03-10") { groups { status byDeadlineStatus { count } } }
                  byHealth: taskStats(filter: {province: "T4"}, groupBy: [HEALTH], asOf: "2026-03-10") {
                    groups { health byDeadlineStatus { count } } }
                  overdueOnly: taskStats(filter: {province: "T4", deadlineStatus: [OVERDUE]}, groupBy: [AGENCY],
                    asOf: "2026-03-10") { groups { agency { code } byDeadlineStatus { count } } }
                  agency(code: "T4-DB") { taskStats(asOf: "2026-03-10") { byDeadlineStatus { count }
                    groups { byDeadlineStatus { count } } } } }""")
                .execute()
                // T4-DA by status: COMPLETED = DA1, DA2, DA5; IN_PROGRESS = DA3; NOT_STARTED = DA4.
                .path("byStatus.groups[*].status").entityList(String.class)
                .containsExactly("COMPLETED", "IN_PROGRESS", "NOT_STARTED")
                .path("byStatus.groups[0].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(1, 1, 0, 1, 0)
                .path("byStatus.groups[1].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(0, 0, 0, 1, 0)
                .path("byStatus.groups[2].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(0, 0, 1, 0, 0)
                // Health: OVERDUE = DA3, DA5, DC1; ON_TRACK = DA4, DB1, DB3 (reports recent, on pace);
                // DONE = DA1, DA2, DB2, DB4. No task is at risk, so there is no AT_RISK group.
                .path("byHealth.groups[*].health").entityList(String.class)
                .containsExactly("OVERDUE", "ON_TRACK", "DONE")
                .path("byHealth.groups[0].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(0, 0, 0, 3, 0)
                .path("byHealth.groups[1].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(0, 0, 3, 0, 0)
                .path("byHealth.groups[2].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(2, 1, 0, 0, 1)
                .path("overdueOnly.groups[*].agency.code").entityList(String.class).containsExactly("T4-DA", "T4-DC")
                .path("overdueOnly.groups[0].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(0, 0, 0, 2, 0)
                .path("overdueOnly.groups[1].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(0, 0, 0, 1, 0)
                // Agency.taskStats counts only that agency's tasks, for the total as for its groups.
                .path("agency.taskStats.byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(1, 0, 2, 0, 1)
                // Without groupBy there is one group, of all its tasks.
                .path("agency.taskStats.groups[0].byDeadlineStatus[*].count").entityList(Integer.class)
                .containsExactly(1, 0, 2, 0, 1);
    }

    @Test
    void groupsAreCountedByOneGroupByStatementNotOnePerGroup() {
        HttpGraphQlTester graphQl = vn.tracker.support.TestTokens.uncached(ReviewFixtures.admin(tester));
        String without = """
                { taskStats(filter: {province: "T4"}, groupBy: [AGENCY], asOf: "2026-03-10") {
                    groups { agency { code } counts { total } } } }""";
        String with = """
                { taskStats(filter: {province: "T4"}, groupBy: [AGENCY], asOf: "2026-03-10") {
                    groups { agency { code } counts { total } byDeadlineStatus { count } } } }""";
        String withTotal = """
                { taskStats(filter: {province: "T4"}, groupBy: [AGENCY], asOf: "2026-03-10") {
                    byDeadlineStatus { count } groups { agency { code } counts { total } byDeadlineStatus { count } } } }""";
        long base = sql.during(() -> graphQl.document(without).execute().path("taskStats.groups").entityList(Object.class)
                .hasSize(3));
        long perGroup = sql.during(() -> graphQl.document(with).execute().path("taskStats.groups").entityList(Object.class)
                .hasSize(3));
        long andTotal = sql.during(() -> graphQl.document(withTotal).execute().path("taskStats.groups")
                .entityList(Object.class).hasSize(3));
        // Three agencies, one statement for all of their deadline status counts, one for the total's.
        assertThat(perGroup - base).isEqualTo(1);
        assertThat(andTotal - perGroup).isEqualTo(1);
    }
}
