package vn.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;
import vn.tracker.task.Task;

/**
 * Every mutation of the loaded schema × every kind of caller, over real HTTP: allowed, or FORBIDDEN
 * with nothing changed (the row's own probe and the audit log both stay the same). Console users
 * call /graphql with their session and the CSRF header; portals and scripts with bearer tokens.
 *
 * <p>A mutation added to the schema without a row here fails {@link #everyMutationOfTheSchemaHasARow}:
 * add a row stating who may call it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationMatrixTest {

    /** Who calls. Users sign in to the console; tokens are sent as Authorization: Bearer. */
    enum Caller {
        ADMIN_USER, WORKING_GROUP_USER, REPORTER_USER, VIEWER_USER, ADMIN_TOKEN, REPORT_TOKEN, READ_TOKEN
    }

    static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN_USER, Caller.ADMIN_TOKEN);
    static final Set<Caller> WORKING_GROUP = EnumSet.of(Caller.ADMIN_USER, Caller.ADMIN_TOKEN, Caller.WORKING_GROUP_USER);
    /** Callers who may change a task led by the reporter's (and the report token's) agency or below. */
    static final Set<Caller> OWN_AGENCY = EnumSet.of(Caller.ADMIN_USER, Caller.ADMIN_TOKEN, Caller.WORKING_GROUP_USER,
            Caller.REPORTER_USER, Caller.REPORT_TOKEN);

    /** One prepared call: the document, its variables, and a probe of the state it would change. */
    record Call(String document, Map<String, Object> variables, Supplier<String> probe) {
    }

    /** A row: a mutation in one situation, and who may call it. */
    record Row(String mutation, String situation, Supplier<Call> prepare, Set<Caller> allowed) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AgencyRepository agencies;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    private final Map<Caller, Client> clients = new EnumMap<>(Caller.class);
    private final String childOfCa = TestAgencies.CHILD;

    @BeforeAll
    void signInEveryCaller() {
        TestAgencies.ensure(agencies, tx);
        // A reporter of the tests' own agency (the demo ca-reporter's GL-CA tasks are sample data
        // other suites count).
        tx.executeWithoutResult(s -> accounts.findByUsername("i7-reporter").orElseGet(() -> accounts.save(
                new UserAccount("i7-reporter", "Cán bộ báo cáo kiểm thử", encoder.encode("Mat-khau-Manh-2026"),
                        Role.AGENCY_REPORTER, agencies.findByCode(TestAgencies.OWN).orElseThrow()))));
        clients.put(Caller.ADMIN_USER, Client.user(port, "admin", "demo"));
        clients.put(Caller.WORKING_GROUP_USER, Client.user(port, "tgv", "demo"));
        clients.put(Caller.REPORTER_USER, Client.user(port, "i7-reporter", "Mat-khau-Manh-2026"));
        clients.put(Caller.VIEWER_USER, Client.user(port, "viewer", "demo"));
        clients.put(Caller.ADMIN_TOKEN, Client.token(port, TestTokens.ADMIN));
        clients.put(Caller.REPORT_TOKEN, Client.token(port,
                fixtures.portalToken(TestAgencies.OWN, Scope.READ, Scope.REPORT)));
        clients.put(Caller.READ_TOKEN, Client.token(port, fixtures.portalToken(TestAgencies.OWN, Scope.READ)));
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // --- tasks (issue 3): the lead agency's reporters and those above, the working group, admins
        rows.add(new Row("reportProgress", "task led by the reporter's agency", () -> reportProgress(TestAgencies.OWN), OWN_AGENCY));
        rows.add(new Row("reportProgress", "task led by an agency below the reporter's",
                () -> reportProgress(childOfCa), OWN_AGENCY));
        rows.add(new Row("reportProgress", "task led by another agency", () -> reportProgress(TestAgencies.OTHER), WORKING_GROUP));
        rows.add(new Row("addEvidence", "task led by the reporter's agency", () -> addEvidence(TestAgencies.OWN), OWN_AGENCY));
        rows.add(new Row("addEvidence", "task led by another agency", () -> addEvidence(TestAgencies.OTHER), WORKING_GROUP));
        rows.add(new Row("linkDuplicate", "task led by the reporter's agency", () -> linkDuplicate(TestAgencies.OWN), OWN_AGENCY));
        rows.add(new Row("linkDuplicate", "task led by another agency", () -> linkDuplicate(TestAgencies.OTHER), WORKING_GROUP));
        rows.add(new Row("createTask", "any", this::createTask, WORKING_GROUP));
        rows.add(new Row("updateTask", "task led by the reporter's agency", () -> updateTask(TestAgencies.OWN), OWN_AGENCY));
        rows.add(new Row("updateTask", "task led by another agency", () -> updateTask(TestAgencies.OTHER), WORKING_GROUP));
        rows.add(new Row("assignPeople", "task led by the reporter's agency", () -> assignPeople(TestAgencies.OWN), OWN_AGENCY));
        rows.add(new Row("assignPeople", "task led by another agency", () -> assignPeople(TestAgencies.OTHER), WORKING_GROUP));
        // --- reference data (issue 3): admins only
        rows.add(new Row("createDirective", "any", () -> createReference("createDirective",
                "{code: $code, kind: PLAN, title: \"Kế hoạch (ma trận quyền)\"}", "directive"), ADMINS));
        rows.add(new Row("updateDirective", "any", () -> updateReference("createDirective", "updateDirective",
                "{code: $code, kind: PLAN, title: \"Kế hoạch (ma trận quyền)\"}", "{title: \"Đã sửa\"}", "directive"), ADMINS));
        rows.add(new Row("createAgency", "any", () -> createReference("createAgency",
                "{code: $code, name: \"Cơ quan (ma trận quyền)\", kind: DEPARTMENT}", "agency"), ADMINS));
        rows.add(new Row("updateAgency", "any", () -> updateReference("createAgency", "updateAgency",
                "{code: $code, name: \"Cơ quan (ma trận quyền)\", kind: DEPARTMENT}", "{name: \"Đã sửa\"}", "agency"),
                ADMINS));
        rows.add(new Row("createPerson", "any", () -> createReference("createPerson",
                "{code: $code, fullName: \"Cán bộ ma trận\", agency: \"I7-CA\"}", "person"), ADMINS));
        rows.add(new Row("updatePerson", "any", () -> updateReference("createPerson", "updatePerson",
                "{code: $code, fullName: \"Cán bộ ma trận\", agency: \"I7-CA\"}", "{position: \"Đã sửa\"}", "person"),
                ADMINS));
        rows.add(new Row("createPilotModel", "any", this::createPilotModel, ADMINS));
        rows.add(new Row("updatePilotModel", "any", this::updatePilotModel, ADMINS));
        // --- indicators (issue 6): admins and working group for any agency, reporters for their own
        rows.add(new Row("recordObservations", "the reporter's agency", () -> recordObservation(TestAgencies.OWN), OWN_AGENCY));
        rows.add(new Row("recordObservations", "another agency", () -> recordObservation(TestAgencies.OTHER), WORKING_GROUP));
        // --- annotations and reviews (issue 4): the working group any task, reporters their agency's tasks
        rows.add(new Row("annotateTask", "task led by the reporter's agency", () -> annotateTask(TestAgencies.OWN), OWN_AGENCY));
        rows.add(new Row("annotateTask", "task led by another agency", () -> annotateTask(TestAgencies.OTHER), WORKING_GROUP));
        rows.add(new Row("editAnnotation", "task led by the reporter's agency", () -> editAnnotation(TestAgencies.OWN),
                OWN_AGENCY));
        rows.add(new Row("editAnnotation", "task led by another agency", () -> editAnnotation(TestAgencies.OTHER),
                WORKING_GROUP));
        rows.add(new Row("resolveAnnotation", "task led by the reporter's agency", () -> resolveAnnotation(TestAgencies.OWN),
                OWN_AGENCY));
        rows.add(new Row("resolveAnnotation", "task led by another agency", () -> resolveAnnotation(TestAgencies.OTHER),
                WORKING_GROUP));
        rows.add(new Row("saveReasonCategory", "any", this::saveReasonCategory, ADMINS));
        rows.add(new Row("closeWeeklyReview", "any", this::closeWeeklyReview, WORKING_GROUP));
        // --- security (issue 7): admins only
        rows.add(new Row("createApiToken", "any", this::createApiToken, ADMINS));
        rows.add(new Row("revokeApiToken", "any", this::revokeApiToken, ADMINS));
        return rows;
    }

    @Test
    void everyMutationOfTheSchemaHasARow() {
        Set<String> inSchema = graphQlSource.schema().getMutationType().getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inMatrix = rows().stream().map(Row::mutation).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inMatrix).as("mutations of the schema without a row in MutationMatrixTest.rows()")
                .containsAll(inSchema);
        assertThat(inSchema).as("rows for mutations that are not in the schema").containsAll(inMatrix);
    }

    @Test
    void everyCallerIsAllowedOrForbiddenAsTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                Call call = row.prepare().get();
                String before = call.probe().get();
                long auditBefore = auditRows();
                JsonNode answer = clients.get(caller).graphQl(call.document(), call.variables());
                Set<String> codes = errorCodes(answer, row.mutation());
                String after = call.probe().get();
                String where = row.mutation() + " (" + row.situation() + ") as " + caller + ": ";
                if (row.allowed().contains(caller)) {
                    if (!codes.isEmpty() || before.equals(after)) {
                        wrong.add(where + "expected allowed, got " + codes + " / " + answer);
                    }
                } else if (!codes.equals(Set.of("FORBIDDEN")) || !before.equals(after) || auditRows() != auditBefore) {
                    wrong.add(where + "expected FORBIDDEN and no change, got " + codes + ", state " + before + " → "
                            + after + " / " + answer);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    // ----- calls

    private Call reportProgress(String agency) {
        Task task = fixtures.newTask(agency, java.time.LocalDate.of(2026, 6, 30));
        return new Call("""
                mutation($code: String!) { reportProgress(code: $code, status: IN_PROGRESS, progress: 40,
                  result: "Đang triển khai", reportedOn: "2026-01-05") { task { progress } errors { code } } }""",
                Map.of("code", task.getCode()), () -> taskState(task));
    }

    private Call addEvidence(String agency) {
        Task task = fixtures.newTask(agency, null);
        return new Call("""
                mutation($code: String!) { addEvidence(code: $code, evidence: [{ title: "Báo cáo số 12/BC-CA",
                  url: "https://example.gov.vn/bc-12" }]) { task { code } errors { code } } }""",
                Map.of("code", task.getCode()), () -> taskState(task));
    }

    private Call linkDuplicate(String agency) {
        Task duplicate = fixtures.newTask(agency, null);
        Task original = fixtures.newTask(TestAgencies.OTHER, null);
        return new Call("""
                mutation($code: String!, $province: String, $of: String, $ofProvince: String) {
                  linkDuplicate(code: $code, province: $province, duplicateOf: $of, duplicateOfProvince: $ofProvince) {
                    task { code } errors { code } } }""",
                Map.of("code", duplicate.getCode(), "province", TestFixtures.PROVINCE, "of", original.getCode(),
                        "ofProvince", TestFixtures.PROVINCE), () -> taskState(duplicate));
    }

    private Call createTask() {
        String code = TestFixtures.uniqueCode("MX");
        return new Call("""
                mutation($code: String!, $province: String!) { createTask(input: {code: $code, province: $province,
                  title: "Nhiệm vụ (ma trận quyền)", leadAgency: "I7-CA"}) { task { code } errors { code } } }""",
                Map.of("code", code, "province", TestFixtures.PROVINCE),
                () -> jdbc.queryForObject("select count(*) from task where code = ?", Long.class, code).toString());
    }

    private Call updateTask(String agency) {
        Task task = fixtures.newTask(agency, null);
        return new Call("""
                mutation($code: String!, $province: String, $v: Long!) { updateTask(code: $code, province: $province,
                  expectedVersion: $v, input: {title: "Đã sửa (ma trận quyền)"}) { task { code } errors { code } } }""",
                Map.of("code", task.getCode(), "province", TestFixtures.PROVINCE, "v", task.getVersion()),
                () -> taskState(task));
    }

    private Call assignPeople(String agency) {
        Task task = fixtures.newTask(agency, null);
        String person = jdbc.queryForObject("select min(code) from person", String.class);
        return new Call("""
                mutation($code: String!, $province: String, $people: [String!]!) { assignPeople(code: $code,
                  province: $province, people: $people) { task { code } errors { code } } }""",
                Map.of("code", task.getCode(), "province", TestFixtures.PROVINCE, "people",
                        person == null ? List.of() : List.of(person)),
                () -> taskState(task) + jdbc.queryForObject("select count(*) from task_assignee where task_id = ?",
                        Long.class, task.getId()));
    }

    /** Reference data a mutation creates: probed by counting rows of the table with the code. */
    private Call createReference(String mutation, String input, String table) {
        String code = TestFixtures.uniqueCode("MX");
        return new Call("mutation($code: String!) { " + mutation + "(input: " + input + ") { errors { code } } }",
                Map.of("code", code), () -> referenceState(table, code));
    }

    /** Reference data created by an admin, then updated by the caller with its current version. */
    private Call updateReference(String create, String update, String input, String change, String table) {
        String code = TestFixtures.uniqueCode("MX");
        clients.get(Caller.ADMIN_TOKEN).graphQl("mutation($code: String!) { " + create + "(input: " + input
                + ") { errors { code } } }", Map.of("code", code));
        return new Call("mutation($code: String!) { " + update + "(code: $code, expectedVersion: 0, input: " + change
                + ") { errors { code } } }", Map.of("code", code), () -> referenceState(table, code));
    }

    private String referenceState(String table, String code) {
        return jdbc.queryForList("select version from " + table + " where code = ?", Long.class, code).toString();
    }

    private Call createPilotModel() {
        int number = java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000, 99_999);
        return new Call("""
                mutation($n: Int!) { createPilotModel(input: {decision: "3488/KH-UBND", number: $n,
                  name: "Mô hình (ma trận quyền)", status: NOT_STARTED}) { errors { code } } }""",
                Map.of("n", number), () -> pilotModelState(number));
    }

    private Call updatePilotModel() {
        int number = java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000, 99_999);
        clients.get(Caller.ADMIN_TOKEN).graphQl("""
                mutation($n: Int!) { createPilotModel(input: {decision: "3488/KH-UBND", number: $n,
                  name: "Mô hình (ma trận quyền)", status: NOT_STARTED}) { errors { code } } }""", Map.of("n", number));
        return new Call("""
                mutation($n: Int!) { updatePilotModel(decision: "3488/KH-UBND", number: $n, expectedVersion: 0,
                  input: {status: IN_PROGRESS}) { errors { code } } }""",
                Map.of("n", number), () -> pilotModelState(number));
    }

    private String pilotModelState(int number) {
        return jdbc.queryForList("select m.version from pilot_model m join directive d on d.id = m.decision_id "
                + "where d.code = '3488/KH-UBND' and m.number = ?", Long.class, number).toString();
    }

    private Call recordObservation(String agency) {
        String period = Integer.toString(1900 + SEQUENCE.incrementAndGet());
        return new Call("""
                mutation($input: [ObservationInput!]!) { recordObservations(input: $input) {
                  summary { created } errors { code field message } } }""",
                Map.of("input", List.of(Map.of("indicator", "TTHC_DIGITIZATION_RATE", "agency", agency,
                        "period", period, "value", 50, "asOf", "2025-12-01", "source", "ma trận quyền"))),
                () -> jdbc.queryForObject("select count(*) from observation o join agency a on a.id = o.agency_id "
                        + "where a.code = ? and o.period = ?", Long.class, agency, period).toString());
    }

    /** Not blocking: the task's health stays as it was, so lists other tests check are unchanged. */
    private Call annotateTask(String agency) {
        Task task = fixtures.newTask(agency, null);
        return new Call("""
                mutation($code: String!, $province: String) { annotateTask(code: $code, province: $province,
                  category: "DATA", text: "Chờ dữ liệu dân cư") { annotation { id } errors { code } } }""",
                Map.of("code", task.getCode(), "province", TestFixtures.PROVINCE), () -> annotationsOf(task));
    }

    private Call editAnnotation(String agency) {
        long id = annotationOn(fixtures.newTask(agency, null));
        return new Call("""
                mutation($id: ID!) { editAnnotation(id: $id, text: "Đã sửa lý do") { annotation { id } errors { code } } }""",
                Map.of("id", Long.toString(id)), () -> jdbc.queryForMap(
                        "select text, version from annotation where id = ?", id).toString());
    }

    private Call resolveAnnotation(String agency) {
        long id = annotationOn(fixtures.newTask(agency, null));
        return new Call("""
                mutation($id: ID!) { resolveAnnotation(id: $id, resolution: "Đã xử lý") { annotation { id } errors { code } } }""",
                Map.of("id", Long.toString(id)), () -> jdbc.queryForMap(
                        "select resolved, version from annotation where id = ?", id).toString());
    }

    private Call saveReasonCategory() {
        String code = "MATRIX_" + SEQUENCE.incrementAndGet();
        return new Call("""
                mutation($code: String!) { saveReasonCategory(code: $code, nameVi: "Đất đai", nameEn: "Land", active: false) {
                  category { code } errors { code } } }""",
                Map.of("code", code), () -> jdbc.queryForObject(
                        "select count(*) from reason_category where code = ?", Long.class, code).toString());
    }

    private Call closeWeeklyReview() {
        // One closed review per ISO week: every call closes a week of its own, long past.
        java.time.LocalDate asOf = java.time.LocalDate.of(2001, 1, 3).plusWeeks(SEQUENCE.incrementAndGet());
        return new Call("""
                mutation($asOf: Date!) { closeWeeklyReview(asOf: $asOf) { review { week } errors { code } } }""",
                Map.of("asOf", asOf.toString()), () -> jdbc.queryForObject(
                        "select count(*) from weekly_review where as_of = ?", Long.class, asOf).toString());
    }

    private String annotationsOf(Task task) {
        return jdbc.queryForObject("select count(*) from annotation where task_id = ?", Long.class, task.getId())
                .toString();
    }

    private long annotationOn(Task task) {
        jdbc.update("insert into annotation (task_id, category_id, text, blocking, raises_risk, resolved, created_by, "
                + "created_at, updated_at, version) select ?, id, 'Chờ hướng dẫn', false, false, false, 'matrix', "
                + "current_timestamp, current_timestamp, 0 from reason_category where code = 'OTHER'", task.getId());
        return jdbc.queryForObject("select max(id) from annotation where task_id = ?", Long.class, task.getId());
    }

    private Call createApiToken() {
        String name = TestFixtures.uniqueCode("matrix-token");
        return new Call("""
                mutation($name: String!) { createApiToken(name: $name, scopes: [READ]) { secret errors { code } } }""",
                Map.of("name", name),
                () -> jdbc.queryForObject("select count(*) from api_token where name = ?", Long.class, name).toString());
    }

    private Call revokeApiToken() {
        String name = TestFixtures.uniqueCode("matrix-revoke");
        tokens.issue(name, Set.of(Scope.READ), null, "test", Instant.now().plusSeconds(3600));
        long id = jdbc.queryForObject("select id from api_token where name = ?", Long.class, name);
        return new Call("""
                mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { active } errors { code } } }""",
                Map.of("id", Long.toString(id)),
                () -> String.valueOf(jdbc.queryForObject("select revoked_at from api_token where id = ?", Object.class, id)));
    }

    // ----- probes and answers

    private String taskState(Task task) {
        return jdbc.queryForMap("select t.version, t.progress, t.status, t.duplicate_of_id, "
                + "(select count(*) from evidence e where e.task_id = t.id) as evidence, "
                + "(select count(*) from progress_report p where p.task_id = t.id) as reports "
                + "from task t where t.id = ?", task.getId()).toString();
    }

    private long auditRows() {
        return jdbc.queryForObject("select count(*) from audit_log", Long.class);
    }

    /** Codes of the payload's errors and of top-level errors. */
    private static Set<String> errorCodes(JsonNode answer, String mutation) {
        Set<String> codes = new TreeSet<>();
        answer.path("errors").forEach(e -> codes.add(e.path("extensions").path("code").asString("NO_CODE")));
        answer.path("data").path(mutation).path("errors").forEach(e -> codes.add(e.path("code").asString()));
        return codes;
    }

    /** A caller over HTTP: a console session (cookie + CSRF header) or a bearer token. */
    static final class Client {

        private final String base;
        private final HttpClient http;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Client(int port) {
            this.base = "http://localhost:" + port;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static Client token(int port, String secret) {
            Client client = new Client(port);
            client.headers.put("Authorization", "Bearer " + secret);
            return client;
        }

        static Client user(int port, String username, String password) {
            Client client = new Client(port);
            String login = client.send(HttpRequest.newBuilder(URI.create(client.base + "/login")).GET().build()).body();
            String body = "username=" + username + "&password=" + password + "&_csrf="
                    + java.net.URLEncoder.encode(ConsoleClient.hiddenCsrf(login), StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(client.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            // The page a signed-in user gets carries the session's CSRF token for scripts (htmx, fetch).
            String page = client.send(HttpRequest.newBuilder(URI.create(client.base + "/login")).GET().build()).body();
            client.headers.put(ConsoleClient.metaCsrfHeader(page), ConsoleClient.metaCsrf(page));
            return client;
        }

        JsonNode graphQl(String document, Map<String, Object> variables) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("query", document, "variables", variables))));
            headers.forEach(request::header);
            HttpResponse<String> answer = send(request.build());
            return JSON.readTree(answer.body());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
