package vn.tracker.review;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveIssuedOnChanged;
import vn.tracker.directive.DirectiveKind;
import vn.tracker.support.IntegrationTest;
import vn.tracker.task.Task;
import vn.tracker.task.TaskStatus;

/**
 * A task without a start date counts its time from the issued date of the directive that assigned
 * it (else from its creation day): for the Java rules and the SQL predicates alike, when the
 * directive's date changes later, and for rows written before V70 (the migration re-derives them).
 */
@IntegrationTest
class TaskStartFromDirectiveTest {

    static final String ISSUED = "T4-KH-01";
    static final String UNDATED = "T4-KH-02";

    @Autowired
    HttpGraphQlTester tester;
    @Autowired
    EntityManager em;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationEventPublisher events;

    ReviewFixtures fixtures;
    Task fromDirective;
    Task ownStart;
    Task undated;
    Task noDirective;

    @BeforeEach
    void construct() {
        fixtures = new ReviewFixtures(em, tx);
        removeAll();
        Directive issued = directive(ISSUED, LocalDate.of(2025, 10, 1));
        Directive noDate = directive(UNDATED, null);
        Agency so = fixtures.agency("T4-KH-SO", "Sở Kế hoạch thử");
        LocalDate due = LocalDate.of(2025, 12, 31);
        fromDirective = fixtures.task("T4-KH-DIR", so, TaskStatus.NOT_STARTED, t -> {
            t.setDirective(em.getReference(Directive.class, issued.getId()));
            t.setDeadline(vn.tracker.task.Deadline.ofDay(due));
        });
        ownStart = fixtures.task("T4-KH-OWN", so, TaskStatus.NOT_STARTED, t -> {
            t.setDirective(em.getReference(Directive.class, issued.getId()));
            t.setStartOn(LocalDate.of(2025, 11, 10));
            t.setDeadline(vn.tracker.task.Deadline.ofDay(due));
        });
        undated = fixtures.task("T4-KH-UNDATED", so, TaskStatus.NOT_STARTED, t -> {
            t.setDirective(em.getReference(Directive.class, noDate.getId()));
            t.setDeadline(vn.tracker.task.Deadline.ofDay(due));
        });
        noDirective = fixtures.task("T4-KH-NODIR", so, TaskStatus.NOT_STARTED,
                t -> t.setDeadline(vn.tracker.task.Deadline.ofDay(due)));
    }

    @AfterEach
    void removeAll() {
        fixtures.removeAll();
        tx.executeWithoutResult(s -> em.createQuery("delete from Directive d where d.code in :codes")
                .setParameter("codes", java.util.List.of(ISSUED, UNDATED)).executeUpdate());
    }

    @Test
    void startCountsFromTheDirectivesIssuedDateInJavaAndSql() {
        assertThat(startDay(fromDirective)).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(startDay(ownStart)).isEqualTo(LocalDate.of(2025, 11, 10));
        assertThat(startDay(undated)).isEqualTo(createdDay(undated));
        assertThat(startDay(noDirective)).isEqualTo(createdDay(noDirective));

        HttpGraphQlTester graphQl = ReviewFixtures.admin(tester);
        // As of 2025-11-20, T4-KH-DIR (start 2025-10-01, due 2025-12-31) has used 50 of its 91 days without
        // starting, and has had no report for 50 days. T4-KH-OWN (start 11-10) has used 10 of 51 days.
        // The others count from their creation day, after 2025-11-20: nothing can fire for them yet.
        atRiskOn("2025-11-20", graphQl, "T4-KH-DIR");
        reasons(graphQl, "T4-KH-DIR", "2025-11-20", "NOT_STARTED_LATE", "NO_RECENT_REPORT");
        reasons(graphQl, "T4-KH-OWN", "2025-11-20");

        // The directive was in fact issued on 2025-11-15: T4-KH-DIR has used 5 of 46 days, so it is on
        // track — in the list (SQL) as in its own reasons (Java), after the same mutation.
        long version = tx.execute(s -> em.createQuery("select d.version from Directive d where d.code = :c", Long.class)
                .setParameter("c", ISSUED).getSingleResult());
        graphQl.document("""
                mutation($c: String!, $v: Long!) { updateDirective(code: $c, expectedVersion: $v,
                    input: {issuedOn: "2025-11-15"}) { directive { issuedOn } errors { code } } }""")
                .variable("c", ISSUED).variable("v", version).execute()
                .path("updateDirective.errors").entityList(Object.class).hasSize(0)
                .path("updateDirective.directive.issuedOn").entity(String.class).isEqualTo("2025-11-15");
        assertThat(startDay(fromDirective)).isEqualTo(LocalDate.of(2025, 11, 15));
        assertThat(startDay(ownStart)).isEqualTo(LocalDate.of(2025, 11, 10));
        atRiskOn("2025-11-20", graphQl);
        reasons(graphQl, "T4-KH-DIR", "2025-11-20");
        // On 2025-12-08 T4-KH-DIR has used 23 of its 46 days (half) and T4-KH-OWN 28 of 51: both late to start.
        atRiskOn("2025-12-07", graphQl, "T4-KH-OWN");
        atRiskOn("2025-12-08", graphQl, "T4-KH-DIR", "T4-KH-OWN");

        // A directive that loses its issued date (a corrected re-import): its tasks fall back to their creation day.
        tx.executeWithoutResult(s -> {
            Directive d = em.createQuery("select d from Directive d where d.code = :c", Directive.class)
                    .setParameter("c", ISSUED).getSingleResult();
            d.setIssuedOn(null);
            events.publishEvent(new DirectiveIssuedOnChanged(d.getId(), null));
        });
        assertThat(startDay(fromDirective)).isEqualTo(createdDay(fromDirective));
        assertThat(startDay(ownStart)).isEqualTo(LocalDate.of(2025, 11, 10));
    }

    @Test
    void migrationV70RederivesStartDaysWrittenBefore() {
        // Before V70 a task without a start date counted from its creation day.
        tx.executeWithoutResult(s -> em.createNativeQuery("update task set start_day = :day where code = 'T4-KH-DIR'")
                .setParameter("day", (int) createdDay(fromDirective).toEpochDay()).executeUpdate());
        assertThat(startDay(fromDirective)).isEqualTo(createdDay(fromDirective));

        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V70__task_start_from_directive.sql"))
                .execute(dataSource);

        assertThat(startDay(fromDirective)).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(startDay(ownStart)).isEqualTo(LocalDate.of(2025, 11, 10));
        assertThat(startDay(undated)).isEqualTo(createdDay(undated));
        assertThat(startDay(noDirective)).isEqualTo(createdDay(noDirective));
    }

    private void atRiskOn(String asOf, HttpGraphQlTester graphQl, String... codes) {
        GraphQlTester.Response r = graphQl.document("""
                        query($asOf: Date!) { tasks(filter: {province: "T4", leadAgency: ["T4-KH-SO"], health: [AT_RISK]},
                            asOf: $asOf) { edges { node { code health(asOf: $asOf) } } } }""")
                .variable("asOf", asOf).execute();
        assertThat(r.path("tasks.edges[*].node.code").entityList(String.class).get())
                .as("at risk on %s (SQL)", asOf).containsExactlyInAnyOrder(codes);
        assertThat(r.path("tasks.edges[*].node.health").entityList(String.class).get())
                .as("health on %s (Java)", asOf).allMatch("AT_RISK"::equals);
    }

    private void reasons(HttpGraphQlTester graphQl, String code, String asOf, String... expected) {
        graphQl.document("""
                        query($c: String!, $asOf: Date!) { task(code: $c, province: "T4") {
                            riskReasons(asOf: $asOf) { code } } }""")
                .variable("c", code).variable("asOf", asOf).execute()
                .path("task.riskReasons[*].code").entityList(String.class).containsExactly(expected);
    }

    private LocalDate startDay(Task task) {
        Number day = tx.execute(s -> (Number) em.createNativeQuery("select start_day from task where id = :id")
                .setParameter("id", task.getId()).getSingleResult());
        return LocalDate.ofEpochDay(day.longValue());
    }

    private static LocalDate createdDay(Task task) {
        return task.getCreatedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private Directive directive(String code, LocalDate issuedOn) {
        return tx.execute(s -> {
            Directive d = new Directive(code, DirectiveKind.PLAN, "Kế hoạch thử " + code);
            d.setIssuedOn(issuedOn);
            em.persist(d);
            return d;
        });
    }
}
