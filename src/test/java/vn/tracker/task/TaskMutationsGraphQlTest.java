package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.security.Scope;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;

/** createTask, updateTask and assignPeople over HTTP, including the bad-input list of the issue. */
@IntegrationTest
class TaskMutationsGraphQlTest {

    static final String CREATE = """
            mutation($input: TaskInput!) { createTask(input: $input) {
              task { code provinceCode title description dueOn dueText dueResolution version
                     leadAgency { code } coordinatingAgencies { code } directive { code } }
              errors { code field message } } }""";

    static final String UPDATE = """
            mutation($code: String!, $province: String, $v: Long!, $input: TaskInput!) {
              updateTask(code: $code, province: $province, expectedVersion: $v, input: $input) {
                task { title dueOn version } errors { code field message } } }""";

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    TestFixtures fixtures;

    HttpGraphQlTester admin() {
        return TestTokens.asAdmin(tester);
    }

    Map<String, Object> newTaskInput(String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("code", TestFixtures.uniqueCode("NV"));
        input.put("province", TestFixtures.PROVINCE);
        input.put("title", title);
        input.put("leadAgency", "GL-CA");
        return input;
    }

    @Test
    void createStoresInjectionStringsVerbatimAndParsesWrittenDeadlines() {
        String hostile = "<img src=x onerror=alert(1)>'); DROP TABLE task;-- Nhiệm vụ số 1";
        Map<String, Object> input = newTaskInput(hostile);
        input.put("description", "<script>alert('x')</script>");
        input.put("dueText", "Quý I năm 2026");
        input.put("coordinatingAgencies", List.of("GL-STP", "GL-SNV"));
        input.put("directive", "44-TB/TGV");
        admin().document(CREATE).variable("input", input).execute()
                .path("createTask.errors").entityList(Object.class).hasSize(0)
                .path("createTask.task.title").entity(String.class).isEqualTo(hostile)
                .path("createTask.task.description").entity(String.class).isEqualTo("<script>alert('x')</script>")
                .path("createTask.task.dueOn").entity(String.class).isEqualTo("2026-03-31")
                .path("createTask.task.dueResolution").entity(String.class).isEqualTo("QUARTER")
                .path("createTask.task.coordinatingAgencies[*].code").entityList(String.class)
                .containsExactly("GL-SNV", "GL-STP")
                .path("createTask.task.directive.code").entity(String.class).isEqualTo("44-TB/TGV");
        // Searchable right away, by the folded text.
        admin().document("query($s: String) { tasks(filter: {search: $s}) { edges { node { code } } } }")
                .variable("s", "nhiem vu so 1").execute()
                .path("tasks.edges[*].node.code").entityList(String.class).contains((String) input.get("code"));
        // The same code again is a conflict.
        admin().document(CREATE).variable("input", input).execute()
                .path("createTask.task").valueIsNull()
                .path("createTask.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
    }

    @Test
    void badInputGivesErrorsAndCreatesNothing() {
        Map<String, Object> empty = newTaskInput("   ");
        empty.put("dueText", "sometime soon");
        empty.put("startOn", "2026-05-01");
        admin().document(CREATE).variable("input", empty).execute()
                .path("createTask.task").valueIsNull()
                .path("createTask.errors[*].field").entityList(Object.class)
                .containsExactly(List.of("input", "title"), List.of("input", "dueText"));
        Map<String, Object> huge = newTaskInput("x".repeat(10_000));
        admin().document(CREATE).variable("input", huge).execute()
                .path("createTask.errors[0].code").entity(String.class).isEqualTo("BAD_USER_INPUT")
                .path("createTask.errors[0].field").entityList(String.class).containsExactly("input", "title");
        Map<String, Object> unknown = newTaskInput("Tên hợp lệ");
        unknown.put("leadAgency", "NO-SUCH-AGENCY");
        admin().document(CREATE).variable("input", unknown).execute()
                .path("createTask.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("createTask.errors[0].field").entityList(String.class).containsExactly("input", "leadAgency");
        Map<String, Object> badDate = newTaskInput("Tên hợp lệ");
        badDate.put("dueOn", "31/12/2026");
        admin().document(CREATE).variable("input", badDate).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        for (Map<String, Object> input : List.of(empty, huge, unknown, badDate)) {
            admin().document("query($c: String!, $p: String) { task(code: $c, province: $p) { code } }")
                    .variable("c", input.get("code")).variable("p", TestFixtures.PROVINCE).execute()
                    .path("task").valueIsNull();
        }
    }

    @Test
    void updateNeedsTheCurrentVersion() {
        Task task = fixtures.newTask("GL-CA", null);
        Map<String, Object> change = Map.of("title", "Tên mới", "dueOn", "2026-06-30");
        admin().document(UPDATE).variable("code", task.getCode()).variable("province", TestFixtures.PROVINCE)
                .variable("v", task.getVersion()).variable("input", change).execute()
                .path("updateTask.errors").entityList(Object.class).hasSize(0)
                .path("updateTask.task.title").entity(String.class).isEqualTo("Tên mới")
                .path("updateTask.task.version").entity(Long.class).isEqualTo(task.getVersion() + 1);
        admin().document(UPDATE).variable("code", task.getCode()).variable("province", TestFixtures.PROVINCE)
                .variable("v", task.getVersion()).variable("input", Map.of("title", "Ghi đè")).execute()
                .path("updateTask.task").valueIsNull()
                .path("updateTask.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        assertThat(fixtures.reload(task).getTitle()).isEqualTo("Tên mới");
        admin().document(UPDATE).variable("code", task.getCode()).variable("province", TestFixtures.PROVINCE)
                .variable("v", task.getVersion() + 1).variable("input", Map.of("title", "")).execute()
                .path("updateTask.errors[0].field").entityList(String.class).containsExactly("input", "title");
    }

    @Test
    void reportersCannotCreateTasksAndAssignPeopleOfTheirAgency() {
        HttpGraphQlTester reporter = tester.mutate().header("Authorization",
                "Bearer " + fixtures.portalToken("GL-CA", Scope.READ, Scope.REPORT)).build();
        reporter.document(CREATE).variable("input", newTaskInput("Không được tạo")).execute()
                .path("createTask.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        Task task = fixtures.newTask("GL-CA", null);
        String person = TestFixtures.uniqueCode("P");
        admin().document("mutation($c: String!) { createPerson(input: {code: $c, fullName: \"Nguyễn Văn Đông\", "
                        + "agency: \"GL-CA\", email: \"dong@example.vn\"}) { person { code agency { code } } errors { code } } }")
                .variable("c", person).execute()
                .path("createPerson.person.agency.code").entity(String.class).isEqualTo("GL-CA");
        reporter.document("mutation($c: String!, $p: String!, $people: [String!]!) { assignPeople(code: $c, "
                        + "province: $p, people: $people) { task { assignees { code fullName } } errors { code field } } }")
                .variable("c", task.getCode()).variable("p", TestFixtures.PROVINCE).variable("people", List.of(person))
                .execute()
                .path("assignPeople.errors").entityList(Object.class).hasSize(0)
                .path("assignPeople.task.assignees[0].fullName").entity(String.class).isEqualTo("Nguyễn Văn Đông");
        reporter.document("mutation($c: String!, $p: String!) { assignPeople(code: $c, province: $p, "
                        + "people: [\"NO-SUCH-PERSON\"]) { errors { code field } } }")
                .variable("c", task.getCode()).variable("p", TestFixtures.PROVINCE).execute()
                .path("assignPeople.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("assignPeople.errors[0].field").entityList(String.class).containsExactly("people");
    }
}
