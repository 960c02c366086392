package vn.tracker.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.security.ApiTokenService;
import vn.tracker.security.Scope;
import vn.tracker.task.Deadline;
import vn.tracker.task.Task;
import vn.tracker.task.TaskRepository;

/**
 * Rows owned by one test, so tests that change data never touch the sample rows other tests read.
 * A plain component under vn.tracker, so the application's component scan puts it in the shared
 * {@link IntegrationTest} context without changing the context's cache key.
 */
@Component
public class TestFixtures {

    private final TaskRepository tasks;
    private final AgencyRepository agencies;
    private final ApiTokenService tokens;
    private final TransactionTemplate tx;

    TestFixtures(TaskRepository tasks, AgencyRepository agencies, ApiTokenService tokens, TransactionTemplate tx) {
        this.tasks = tasks;
        this.agencies = agencies;
        this.tokens = tokens;
        this.tx = tx;
    }

    /** A unique code with the given prefix, e.g. "T3-1a2b3c4d". */
    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Province code of the tasks tests create: kept apart from GL and TN so tests that count the
     * sample provinces' tasks are not disturbed by rows other tests add.
     */
    public static final String PROVINCE = "TEST-API";

    /** A new NOT_STARTED task in the test province, led by the agency, due on the date. */
    public Task newTask(String leadAgencyCode, LocalDate dueOn) {
        return newTask(uniqueCode("T"), leadAgencyCode, dueOn);
    }

    /** The same with a chosen code (e.g. one that sorts before every other). */
    public Task newTask(String code, String leadAgencyCode, LocalDate dueOn) {
        return tx.execute(s -> {
            Task task = new Task(code, PROVINCE, "Nhiệm vụ kiểm thử " + UUID.randomUUID(),
                    agencies.findByCode(leadAgencyCode).orElseThrow());
            if (dueOn != null) {
                task.setDeadline(Deadline.ofDay(dueOn));
            }
            return tasks.saveAndFlush(task);
        });
    }

    /**
     * Makes sure the test province holds at least n of these tasks ("N1-…"), each with a directive and two
     * coordinating agencies (for statement-count tests of full pages).
     */
    public void ensureTasksWithReferences(int n, vn.tracker.directive.DirectiveRepository directives) {
        tx.executeWithoutResult(s -> {
            // Count only the tasks this method made: other tests add tasks to the test province too.
            long have = tasks.findAll().stream().filter(t -> PROVINCE.equals(t.getProvinceCode())
                    && t.getCode().startsWith("N1-")).count();
            var directive = directives.findByCode("44-TB/TGV").orElseThrow();
            var coordinators = agencies.findByCodeIn(java.util.List.of("GL-STP", "GL-SNV"));
            for (long i = have; i < n; i++) {
                Task task = new Task(uniqueCode("N1"), PROVINCE, "Nhiệm vụ đếm câu lệnh " + i,
                        agencies.findByCode(i % 2 == 0 ? "GL-CA" : "GL-SNV").orElseThrow());
                task.setDirective(directive);
                task.getCoordinatingAgencies().addAll(coordinators);
                tasks.save(task);
            }
        });
    }

    public Task reload(Task task) {
        return tx.execute(s -> tasks.findById(task.getId()).orElseThrow());
    }

    /** A PORTAL token of an agency with the given scopes. */
    public String portalToken(String agencyCode, Scope... scopes) {
        return tokens.issue(uniqueCode("test-portal"), Set.of(scopes), agencies.findByCode(agencyCode).orElseThrow(),
                "test", Instant.now().plusSeconds(3600));
    }
}
