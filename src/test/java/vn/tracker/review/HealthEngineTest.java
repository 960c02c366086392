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

    /** Hand-checked from tasks.csv: overdue = not done, not ONGOING, due before the as-of date. */
    @Test
    void sampleOverdueAndAtRiskListsForTwoDates() {
        ReviewScope sample = new ReviewScope("GL", List.of(), List.of());
        assertThat(codes(queries.tasksWithHealth(Set.of(TaskHealth.OVERDUE), LocalDate.of(2025, 12, 31), sample)))
                .isEmpty();
        // SEED-003-09 is due 2025-12-31: on its due date it is not overdue yet, a week later it is.
        // Ordered by lead agency code (GL-CA, GL-SKHCN, GL-UBND), then task code.
        assertThat(codes(queries.tasksWithHealth(Set.of(TaskHealth.OVERDUE), LocalDate.of(2026, 1, 6), sample)))
                .containsExactly("SEED-003-08", "SEED-003-09", "SEED-003-06", "SEED-002-04");
        // Thái Nguyên: only the "90 ngày, đêm" campaign (due 2025-08-31) is overdue; the four standing
        // directions (ONGOING, due 2025-09-30) never are.
        ReviewScope tn = new ReviewScope("TN", List.of(), List.of());
        assertThat(codes(queries.tasksWithHealth(Set.of(TaskHealth.OVERDUE), LocalDate.of(2025, 12, 31), tn)))
                .containsExactly("SEED-004-05");
        // Imported tasks have no start date or progress report, so their clock starts on import:
        // no pace, not-started or staleness rule can fire on earlier dates, and no annotation exists.
        assertThat(queries.tasksWithHealth(Set.of(TaskHealth.AT_RISK), LocalDate.of(2026, 1, 6), ReviewScope.ALL)
                .stream().filter(t -> List.of("GL", "TN").contains(t.getProvinceCode()))).isEmpty();
        Map<TaskHealth, Long> counts = queries.countByHealth(LocalDate.of(2026, 1, 6), sample);
        assertThat(counts).containsEntry(TaskHealth.DONE, 6L).containsEntry(TaskHealth.OVERDUE, 4L)
                .containsEntry(TaskHealth.AT_RISK, 0L).containsEntry(TaskHealth.ON_TRACK, 20L);
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
        HttpGraphQlTester graphQl = ReviewFixtures.admin(tester);
        String list = """
                { tasks(filter: {province: "T4", health: [AT_RISK]}, asOf: "2026-03-10", first: 100) {
                    totalCount edges { node { code } } } }""";
        // The page and its count are two statements, however many tasks the province has: the health
        // rules run in the database, no task is loaded to be evaluated in memory.
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

    private static List<String> codes(List<Task> tasks) {
        return tasks.stream().map(Task::getCode).toList();
    }
}
