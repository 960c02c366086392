package vn.tracker.review;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.task.Task;
import vn.tracker.task.TaskHealth;
import vn.tracker.task.TaskRepository;
import vn.tracker.task.TaskStatus;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;

/**
 * The health rules on constructed cases (due today, due yesterday, ongoing without due date,
 * completed late, cancelled, exactly on pace, stale 29 vs 31 days, not started after half its time)
 * and on the sample data, over HTTP; and the proof that the SQL predicates and the Java evaluation
 * agree on every task for several as-of dates.
 */
@IntegrationTest
class HealthEngineTest {

    static final LocalDate A = LocalDate.of(2026, 3, 10);

    @Autowired
    HttpGraphQlTester tester;
    @Autowired
    EntityManager em;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TaskRepository tasks;
    @Autowired
    FullTaskHealthPolicy policy;
    @Autowired
    HealthQueries queries;
    @Autowired
    SqlStatements sql;

    ReviewFixtures fixtures;

    @BeforeEach
    void constructCases() {
        fixtures = new ReviewFixtures(em, tx);
        fixtures.removeAll(); // leftovers of an interrupted run
        Agency so = fixtures.agency("T4-SO", "Sở Thử nghiệm");
        fixtures.task("T4-DUE-TODAY", so, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(60), A, 90, A.minusDays(5)));
        fixtures.task("T4-DUE-YESTERDAY", so, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(60), A.minusDays(1), 90, A.minusDays(2)));
        fixtures.task("T4-ONGOING", so, TaskStatus.ONGOING,
                ReviewFixtures.dates(A.minusDays(200), null, 0, A.minusDays(10)));
        fixtures.task("T4-COMPLETED-LATE", so, TaskStatus.COMPLETED, ReviewFixtures.dates(A.minusDays(100),
                A.minusDays(20), 100, A.minusDays(10)).andThen(t -> t.setCompletedOn(A.minusDays(10))));
        fixtures.task("T4-CANCELLED", so, TaskStatus.CANCELLED,
                ReviewFixtures.dates(A.minusDays(100), A.minusDays(30), 10, A.minusDays(40)));
        fixtures.task("T4-ON-PACE", so, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(90), A.plusDays(10), 70, A.minusDays(1)));
        fixtures.task("T4-BEHIND-PACE", so, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(90), A.plusDays(10), 69, A.minusDays(1)));
        fixtures.task("T4-STALE-29", so, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(200), A.plusDays(100), 80, A.minusDays(29)));
        fixtures.task("T4-STALE-31", so, TaskStatus.IN_PROGRESS,
                ReviewFixtures.dates(A.minusDays(200), A.plusDays(100), 80, A.minusDays(31)));
        fixtures.task("T4-NOT-STARTED-HALF", so, TaskStatus.NOT_STARTED,
                ReviewFixtures.dates(A.minusDays(50), A.plusDays(50), 0, A.minusDays(1)));
        fixtures.task("T4-NOT-STARTED-49", so, TaskStatus.NOT_STARTED,
                ReviewFixtures.dates(A.minusDays(49), A.plusDays(51), 0, A.minusDays(1)));
    }

    @AfterEach
    void removeCases() {
        fixtures.removeAll();
    }

    @Test
    void constructedCasesOverHttp() {
        HttpGraphQlTester graphQl = ReviewFixtures.admin(tester);
        Map<String, String> expected = Map.ofEntries(
                Map.entry("T4-DUE-TODAY", "ON_TRACK"),
                Map.entry("T4-DUE-YESTERDAY", "OVERDUE"),
                Map.entry("T4-ONGOING", "ON_TRACK"),
                Map.entry("T4-COMPLETED-LATE", "DONE"),
                Map.entry("T4-CANCELLED", "DONE"),
                Map.entry("T4-ON-PACE", "ON_TRACK"),
                Map.entry("T4-BEHIND-PACE", "AT_RISK"),
                Map.entry("T4-STALE-29", "ON_TRACK"),
                Map.entry("T4-STALE-31", "AT_RISK"),
                Map.entry("T4-NOT-STARTED-HALF", "AT_RISK"),
                Map.entry("T4-NOT-STARTED-49", "ON_TRACK"));
        expected.forEach((code, health) -> graphQl.document("""
                        query($code: String!) { task(code: $code) { health(asOf: "2026-03-10") } }""")
                .variable("code", code).execute()
                .path("task.health").entity(String.class).isEqualTo(health));

        graphQl.document("""
                { today: task(code: "T4-DUE-TODAY") { health(asOf: "2026-03-10") next: health(asOf: "2026-03-11")
                    riskReasons(asOf: "2026-03-11") { code message detail } }
                  pace: task(code: "T4-BEHIND-PACE") { riskReasons(asOf: "2026-03-10") { code message detail } }
                  stale: task(code: "T4-STALE-31") { riskReasons(asOf: "2026-03-10") { code detail } }
                  half: task(code: "T4-NOT-STARTED-HALF") { riskReasons(asOf: "2026-03-10") { code } }
                  late: task(code: "T4-COMPLETED-LATE") { before: health(asOf: "2026-02-25")
                    dBefore: deadlineStatus(asOf: "2026-02-25") d: deadlineStatus(asOf: "2026-03-10") riskReasons(asOf: "2026-03-10") { code } }
                  cancelled: task(code: "T4-CANCELLED") { deadlineStatus(asOf: "2026-03-10") }
                  ongoing: task(code: "T4-ONGOING") { deadlineStatus(asOf: "2026-03-10") }
                  yesterday: task(code: "T4-DUE-YESTERDAY") { deadlineStatus(asOf: "2026-03-10") } }""")
                .execute()
                .path("today.health").entity(String.class).isEqualTo("ON_TRACK")
                .path("today.next").entity(String.class).isEqualTo("OVERDUE")
                .path("today.riskReasons[0].code").entity(String.class).isEqualTo("OVERDUE")
                .path("today.riskReasons[0].message").entity(String.class).isEqualTo("Quá hạn / Overdue")
                .path("today.riskReasons[0].detail").entity(String.class)
                .isEqualTo("Quá hạn 1 ngày (hạn 2026-03-10) / 1 days past due (2026-03-10)")
                .path("pace.riskReasons[*].code").entityList(String.class).containsExactly("BEHIND_PACE")
                .path("pace.riskReasons[0].detail").entity(String.class)
                .isEqualTo("Còn 10 ngày đến hạn, tiến độ 69% so với dự kiến 90% / "
                        + "10 days to due date, progress 69% against 90% expected")
                .path("stale.riskReasons[*].code").entityList(String.class).containsExactly("NO_RECENT_REPORT")
                .path("half.riskReasons[*].code").entityList(String.class).containsExactly("NOT_STARTED_LATE")
                .path("late.before").entity(String.class).isEqualTo("OVERDUE")
                .path("late.dBefore").entity(String.class).isEqualTo("OVERDUE")
                .path("late.d").entity(String.class).isEqualTo("COMPLETED_LATE")
                .path("late.riskReasons").entityList(Object.class).hasSize(0)
                .path("cancelled.deadlineStatus").entity(String.class).isEqualTo("CANCELLED")
                .path("ongoing.deadlineStatus").entity(String.class).isEqualTo("IN_PROGRESS_WITHIN_TERM")
                .path("yesterday.deadlineStatus").entity(String.class).isEqualTo("OVERDUE");
    }

    /**
     * Hand-checked from src/main/resources/sample/tasks.csv and directives.csv with the default thresholds
     * (horizon 14 days, 20 points behind pace, half the time not started, 30 days without a report). No
     * sample task has a start date, progress report or annotation, so a task's time counts from its
     * directive's issued_on; the SEED-BC-* and SEED-KH-HNSK-2025 directives have none, so their tasks count
     * from the day they were imported (after every date below): no rule fires for them, only OVERDUE.
     * Lists are ordered by lead agency code, then task code.
     */
    @Test
    void sampleOverdueAndAtRiskListsForTwoDates() {
        ReviewScope gl = new ReviewScope("GL", List.of(), List.of());
        ReviewScope tn = new ReviewScope("TN", List.of(), List.of());
        LocalDate dec31 = LocalDate.of(2025, 12, 31);
        LocalDate jan6 = LocalDate.of(2026, 1, 6);

        // As of 2025-12-31, Gia Lai. Overdue: none — the earliest open due date is SEED-003-09's, 2025-12-31
        // itself, and a task due today is not overdue.
        assertThat(codes(queries.tasksWithHealth(Set.of(TaskHealth.OVERDUE), dec31, gl))).isEmpty();
        // At risk (both GL-UBND):
        // - SEED-002-04 (IN_PROGRESS, progress 0, due 2026-01-01, 66.7/2025/NQ-CP issued 2025-11-15): due in
        //   1 day, 46 of 47 days elapsed → expected 97%, 0% is behind by more than 20 points; and no report
        //   in the 46 days since the start.
        // - SEED-002-05 (ONGOING, no due date, 1565/QĐ-TTg issued 2025-07-18): no report for 166 days.
        assertThat(codes(queries.tasksWithHealth(Set.of(TaskHealth.AT_RISK), dec31, gl)))
                .containsExactly("SEED-002-04", "SEED-002-05");
        assertThat(reasons("SEED-002-04", dec31)).containsExactly("BEHIND_PACE", "NO_RECENT_REPORT");
        assertThat(reasons("SEED-002-05", dec31)).containsExactly("NO_RECENT_REPORT");

        // As of 2026-01-06, Gia Lai. Overdue (not done, not ONGOING, due before the date):
        // GL-CA SEED-003-08 (due 2026-01-05), SEED-003-09 (2025-12-31); GL-SKHCN SEED-003-06 (2026-01-05);
        // GL-UBND SEED-002-04 (2026-01-01). An overdue task is not also listed as at risk.
        assertThat(codes(queries.tasksWithHealth(Set.of(TaskHealth.OVERDUE), jan6, gl)))
                .containsExactly("SEED-003-08", "SEED-003-09", "SEED-003-06", "SEED-002-04");
        // At risk: SEED-002-05 only (no report for 172 days). SEED-003-01 (due 2026-01-15, within the
        // horizon) counts from its import day, so neither pace nor not-started fires for it.
        assertThat(codes(queries.tasksWithHealth(Set.of(TaskHealth.AT_RISK), jan6, gl)))
                .containsExactly("SEED-002-05");
        // 30 Gia Lai tasks: 6 completed (DONE), 4 overdue, 1 at risk, the other 19 on track.
        assertThat(queries.countByHealth(jan6, gl)).containsEntry(TaskHealth.DONE, 6L)
                .containsEntry(TaskHealth.OVERDUE, 4L).containsEntry(TaskHealth.AT_RISK, 1L)
                .containsEntry(TaskHealth.ON_TRACK, 19L);

        // Thái Nguyên, as of 2025-12-31 and 2026-01-06 alike: the "90 ngày, đêm" campaign SEED-004-05
        // (IN_PROGRESS, due 2025-08-31) is overdue; the four standing directions SEED-004-01..04 (ONGOING,
        // never overdue) have had no report since TN:94/KH-UBND (2025-04-11) or 131/NQ-CP (2022-10-06).
        for (LocalDate asOf : List.of(dec31, jan6)) {
            assertThat(codes(queries.tasksWithHealth(Set.of(TaskHealth.OVERDUE), asOf, tn)))
                    .containsExactly("SEED-004-05");
            assertThat(codes(queries.tasksWithHealth(Set.of(TaskHealth.AT_RISK), asOf, tn)))
                    .containsExactly("SEED-004-01", "SEED-004-02", "SEED-004-03", "SEED-004-04");
        }
        assertThat(reasons("SEED-004-01", dec31)).containsExactly("NO_RECENT_REPORT");
    }

    /** The stored start day (what SQL reads) is the start date, else the directive's issued date, else the creation day. */
    @Test
    void storedStartDayFollowsTheDirectivesIssuedDate() {
        List<Object[]> rows = tx.execute(s -> em.createQuery("""
                select t.code, t.startOn, d.issuedOn, t.createdAt, t.startDay from Task t left join t.directive d""",
                Object[].class).getResultList());
        for (Object[] r : rows) {
            LocalDate expected = Task.startFrom((LocalDate) r[1], (LocalDate) r[2], (java.time.Instant) r[3]);
            assertThat(r[4]).as("start_day of %s", r[0]).isEqualTo((int) expected.toEpochDay());
        }
        Task sample = tx.execute(s -> tasks.findByProvinceCodeAndCode("GL", "SEED-002-04").orElseThrow());
        assertThat(sample.effectiveStart()).isEqualTo(LocalDate.of(2025, 11, 15));
    }

    @Test
    void sqlPredicatesAgreeWithJavaEvaluationOnEveryTask() {
        List<LocalDate> dates = List.of(LocalDate.of(2025, 8, 31), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 6),
                A.minusDays(15), A.minusDays(1), A, A.plusDays(1), A.plusDays(11), A.plusDays(60),
                LocalDate.of(2027, 6, 30), LocalDate.of(2030, 1, 1));
        List<Task> all = tx.execute(s -> {
            List<Task> loaded = tasks.findAll();
            loaded.forEach(t -> t.getCreatedAt());
            return loaded;
        });
        assertThat(all).hasSizeGreaterThanOrEqualTo(46);
        for (LocalDate asOf : dates) {
            Map<Long, TaskHealth> java = policy.evaluate(all, asOf);
            for (TaskHealth h : TaskHealth.values()) {
                Set<Long> sql = tx.execute(s -> queries.tasksWithHealth(EnumSet.of(h), asOf, ReviewScope.ALL).stream()
                        .map(Task::getId).collect(Collectors.toCollection(TreeSet::new)));
                Set<Long> expected = java.entrySet().stream().filter(e -> e.getValue() == h)
                        .filter(e -> all.stream().anyMatch(t -> t.getId().equals(e.getKey()) && t.getDuplicateOf() == null))
                        .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
                assertThat(sql).as("%s as of %s", h, asOf).isEqualTo(expected);
            }
            for (DeadlineStatus d : DeadlineStatus.values()) {
                long sql = tx.execute(s -> queries.countByDeadlineStatus(asOf, ReviewScope.ALL).get(d));
                long javaCount = all.stream().filter(t -> t.getDuplicateOf() == null)
                        .filter(t -> DeadlineStatus.of(t, asOf) == d).count();
                assertThat(sql).as("%s as of %s", d, asOf).isEqualTo(javaCount);
            }
        }
    }

    @Test
    void apiFiltersAndCountsByHealthAndDeadlineStatusInSql() {
        HttpGraphQlTester graphQl = vn.tracker.support.TestTokens.uncached(ReviewFixtures.admin(tester));
        String list = """
                { tasks(filter: {province: "T4", health: [AT_RISK]}, asOf: "2026-03-10", first: 100) {
                    totalCount edges { node { code } } } }""";
        // The page and its count are two statements, however many tasks the province has: the health
        // rules run in the database, no task is loaded to be evaluated in memory. (A request first, so
        // the token's throttled last-used update is not counted; then the list costs the token lookup,
        // the page and the count.)
        graphQl.document("{ __typename }").execute();
        long statements = sql.during(() -> graphQl.document(list).execute()
                .path("tasks.edges[*].node.code").entityList(String.class)
                .contains("T4-BEHIND-PACE", "T4-STALE-31", "T4-NOT-STARTED-HALF")
                .path("tasks.totalCount").entity(Integer.class).isEqualTo(3));
        assertThat(statements).isLessThanOrEqualTo(3);

        graphQl.document("""
                { late: tasks(filter: {province: "T4", deadlineStatus: [COMPLETED_LATE, CANCELLED]}, asOf: "2026-03-10") {
                    edges { node { code } } }
                  overdue: tasks(filter: {province: "T4", deadlineStatus: [OVERDUE]}, asOf: "2026-03-11") {
                    edges { node { code } } }
                  taskStats(filter: {province: "T4"}, asOf: "2026-03-10") { total { total overdue atRisk }
                    byDeadlineStatus { deadlineStatus count } }
                  only: taskStats(filter: {province: "T4", deadlineStatus: [OVERDUE]}, asOf: "2026-03-10") {
                    total { total } byDeadlineStatus { deadlineStatus count } } }""")
                .execute()
                .path("late.edges[*].node.code").entityList(String.class).hasSize(2)
                .contains("T4-COMPLETED-LATE", "T4-CANCELLED")
                .path("overdue.edges[*].node.code").entityList(String.class).hasSize(2)
                .contains("T4-DUE-YESTERDAY", "T4-DUE-TODAY")
                .path("taskStats.total.total").entity(Integer.class).isEqualTo(11)
                .path("taskStats.total.overdue").entity(Integer.class).isEqualTo(1)
                .path("taskStats.total.atRisk").entity(Integer.class).isEqualTo(3)
                .path("taskStats.byDeadlineStatus[*].deadlineStatus").entityList(String.class)
                .containsExactly("COMPLETED_ON_TIME", "COMPLETED_LATE", "IN_PROGRESS_WITHIN_TERM", "OVERDUE", "CANCELLED")
                .path("taskStats.byDeadlineStatus[*].count").entityList(Integer.class).containsExactly(0, 1, 8, 1, 1)
                .path("only.total.total").entity(Integer.class).isEqualTo(1)
                .path("only.byDeadlineStatus[*].count").entityList(Integer.class).containsExactly(0, 0, 0, 1, 0);
    }

    private List<String> reasons(String code, LocalDate asOf) {
        return tx.execute(s -> {
            Task t = tasks.findByProvinceCodeAndCode(code.startsWith("SEED-004") ? "TN" : "GL", code).orElseThrow();
            return policy.assess(List.of(t), asOf).get(t.getId()).reasons().stream().map(r -> r.code().name()).toList();
        });
    }

    private static List<String> codes(List<Task> tasks) {
        return tasks.stream().map(Task::getCode).toList();
    }
}
