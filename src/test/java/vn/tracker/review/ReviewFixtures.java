package vn.tracker.review;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyKind;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.ReasonCategory;
import vn.tracker.task.Task;
import vn.tracker.task.TaskStatus;

/**
 * Constructed tasks for the health rules, in a test-only province "T4" with its own agencies, so
 * the sample data's counts stay as they are. {@link #removeAll()} deletes everything it created
 * (annotations included) because every integration test shares one application context and database.
 */
class ReviewFixtures {

    static final String PROVINCE = "T4";

    private final EntityManager em;
    private final TransactionTemplate tx;
    private final List<Long> taskIds = new ArrayList<>();
    private final List<Long> agencyIds = new ArrayList<>();

    ReviewFixtures(EntityManager em, TransactionTemplate tx) {
        this.em = em;
        this.tx = tx;
    }

    /** The admin token, and a timeout that tolerates a busy two-core build machine. */
    static HttpGraphQlTester admin(HttpGraphQlTester tester) {
        return TestTokens.asAdmin(tester).mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    Agency agency(String code, String name) {
        return tx.execute(s -> {
            Agency a = new Agency(code, name, AgencyKind.DEPARTMENT);
            a.setProvinceCode(PROVINCE);
            em.persist(a);
            agencyIds.add(a.getId());
            return a;
        });
    }

    Task task(String code, Agency lead, TaskStatus status, Consumer<Task> setup) {
        return tx.execute(s -> {
            Task t = new Task(code, PROVINCE, "Nhiệm vụ thử " + code, em.getReference(Agency.class, lead.getId()));
            t.setStatus(status);
            setup.accept(t);
            em.persist(t);
            taskIds.add(t.getId());
            return t;
        });
    }

    /** An annotation written straight to the database (the mutations are tested on their own). */
    Annotation annotate(Task task, String category, String text, boolean blocking, boolean raisesRisk) {
        return tx.execute(s -> {
            ReasonCategory c = em.createQuery("select c from ReasonCategory c where c.code = :code", ReasonCategory.class)
                    .setParameter("code", category).getSingleResult();
            Annotation a = new Annotation(em.getReference(Task.class, task.getId()), c, text, blocking, "test");
            a.setRaisesRisk(raisesRisk);
            em.persist(a);
            return a;
        });
    }

    void edit(Task task, Consumer<Task> change) {
        tx.executeWithoutResult(s -> change.accept(em.find(Task.class, task.getId())));
    }

    void resolve(Annotation annotation, String resolution) {
        tx.executeWithoutResult(s -> em.find(Annotation.class, annotation.getId()).resolve(resolution, "test"));
    }

    static Consumer<Task> dates(LocalDate start, LocalDate due, int progress, LocalDate lastReport) {
        return t -> {
            t.setStartOn(start);
            if (due != null) {
                t.setDeadline(vn.tracker.task.Deadline.ofDay(due));
            }
            t.setProgress(progress);
            t.setLastReportOn(lastReport);
        };
    }

    /** Deletes every task of the test province (also those an import created) and what hangs off them. */
    void removeAll() {
        tx.executeWithoutResult(s -> {
            String inProvince = " where task_id in (select id from task where province_code = '" + PROVINCE + "')";
            em.createNativeQuery("delete from annotation_revision where annotation_id in (select id from annotation"
                    + inProvince + ")").executeUpdate();
            for (String table : List.of("annotation", "progress_report", "evidence", "task_coordinator",
                    "task_assignee")) {
                em.createNativeQuery("delete from " + table + inProvince).executeUpdate();
            }
            em.createNativeQuery("update task set duplicate_of_id = null where province_code = '" + PROVINCE + "'")
                    .executeUpdate();
            em.createNativeQuery("delete from task where province_code = '" + PROVINCE + "'").executeUpdate();
            // Closed reviews and the observations they recorded belong to these tests only.
            em.createNativeQuery("delete from weekly_review_item").executeUpdate();
            em.createNativeQuery("delete from weekly_review").executeUpdate();
            em.createNativeQuery("delete from observation_revision where observation_id in (select o.id from observation o"
                    + " join indicator i on i.id = o.indicator_id where i.code in ('TASKS_OVERDUE', 'TASKS_AT_RISK',"
                    + " 'TASKS_UNEXPLAINED'))").executeUpdate();
            em.createNativeQuery("delete from observation where indicator_id in (select i.id from indicator i where"
                    + " i.code in ('TASKS_OVERDUE', 'TASKS_AT_RISK', 'TASKS_UNEXPLAINED'))").executeUpdate();
            String agencies = "(select id from agency where province_code = '" + PROVINCE + "')";
            em.createNativeQuery("delete from api_token where agency_id in " + agencies).executeUpdate();
            em.createNativeQuery("delete from agency where province_code = '" + PROVINCE + "'").executeUpdate();
        });
        taskIds.clear();
        agencyIds.clear();
    }

}
