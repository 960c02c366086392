package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.AnnotationRepository;
import vn.tracker.annotation.ReasonCategory;
import vn.tracker.annotation.ReasonCategoryRepository;
import vn.tracker.directive.DirectiveRepository;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;

/**
 * No N+1: a page of tasks with nested lead agency, coordinating agencies, directive (and its
 * programs), pilot model and health costs the same small number of SQL statements for 10 or 100
 * tasks (counted with datasource-proxy over real HTTP requests).
 */
@IntegrationTest
class TaskBatchLoadingTest {

    /** The page: lead agency, coordinating agencies, directive and latest annotation. */
    // Only the rows ensureTasksWithReferences made, so both page sizes see tasks of the same shape.
    static final String PAGE = """
            query($first: Int) { tasks(filter: {province: "%s", search: "nhiem vu dem cau lenh"}, first: $first) { edges { node {
              code leadAgency { code name } coordinatingAgencies { code } directive { code }
              latestAnnotation { text category { code } } } } } }"""
            .formatted(TestFixtures.PROVINCE);

    /** A richer page: also the directive's programs, the pilot model and health. */
    static final String RICH = """
            query($first: Int) { tasks(filter: {province: "%s", search: "nhiem vu dem cau lenh"}, first: $first, asOf: "2026-01-06") { edges { node {
              code leadAgency { code name parent { code } } coordinatingAgencies { code } directive { code programs { code } }
              pilotModel { number } health(asOf: "2026-01-06") assignees { code } evidence { title } } } } }"""
            .formatted(TestFixtures.PROVINCE);

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    SqlStatements sql;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    DirectiveRepository directives;

    @Autowired
    TaskRepository tasks;

    @Autowired
    AnnotationRepository annotations;

    @Autowired
    ReasonCategoryRepository categories;

    @Autowired
    TransactionTemplate tx;

    /** Every fixture task gets one non-blocking annotation, so latestAnnotation and its category load real rows. */
    void annotateFixtureTasks() {
        tx.executeWithoutResult(s -> {
            ReasonCategory category = categories.findByCode("DATA").orElseThrow();
            for (Task task : tasks.findAll()) {
                if (TestFixtures.PROVINCE.equals(task.getProvinceCode())
                        && task.getTitle().startsWith("Nhiệm vụ đếm câu lệnh")
                        && annotations.findByTaskIdOrderByIdDesc(task.getId()).isEmpty()) {
                    annotations.save(new Annotation(task, category, "Chờ số liệu " + task.getCode(), false, "test"));
                }
            }
        });
    }

    long statementsFor(String query, int first) {
        HttpGraphQlTester admin = TestTokens.uncached(TestTokens.asAdmin(tester));
        admin.document(query).variable("first", first).execute(); // warm-up: first-use initialisation
        return sql.during(() -> admin.document(query).variable("first", first).execute()
                .path("tasks.edges").entityList(Object.class).hasSize(first));
    }

    @Test
    void aHundredTaskPageCostsAFewStatementsWhateverThePageSize() {
        fixtures.ensureTasksWithReferences(120, directives);
        annotateFixtureTasks();
        long ten = statementsFor(PAGE, 10);
        long hundred = statementsFor(PAGE, 100);
        assertThat(hundred).isEqualTo(ten).isLessThanOrEqualTo(6);
        assertThat(statementsFor(RICH, 100)).isEqualTo(statementsFor(RICH, 10));
    }

    @Test
    void theCounterSeesTheRequest() {
        HttpGraphQlTester admin = TestTokens.uncached(TestTokens.asAdmin(tester));
        assertThat(sql.during(() -> admin.document("{ tasks(first: 3) { edges { node { code } } } }").execute()
                .path("tasks.edges").hasValue())).isGreaterThanOrEqualTo(1);
    }
}
