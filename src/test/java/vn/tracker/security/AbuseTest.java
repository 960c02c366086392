package vn.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.AnnotationRepository;
import vn.tracker.annotation.ReasonCategoryRepository;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;
import vn.tracker.task.Task;
import vn.tracker.task.TaskRepository;

/**
 * Bad input and abuse over real HTTP: oversized bodies, deep nesting, alias and batch flooding,
 * malformed JSON, invalid UTF-8 (all refused without a 500 and without leaking internals), and
 * script in user text shown escaped in the console. Brute-force sign-in is in
 * {@link ConsoleSecurityTest}, revoked tokens in ApiTokenGraphQlTest, rate limits in RateLimitTest.
 */
@IntegrationTest
class AbuseTest {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String XSS = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TaskRepository tasks;

    @Autowired
    AnnotationRepository annotations;

    @Autowired
    ReasonCategoryRepository categories;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    vn.tracker.agency.AgencyRepository agencies;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.ADMIN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoInternals(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isNotEqualTo(500);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at vn.tracker")
                .doesNotContain("org.springframework").doesNotContainIgnoringCase("select ");
    }

    @Test
    void oversizedBodyIsRefusedBeforeParsing() {
        String padding = "x".repeat(6 * 1024 * 1024);
        HttpResponse<String> answer = post("{\"query\":\"{ today }\",\"extensions\":{\"pad\":\"" + padding + "\"}}");
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("LIMIT_EXCEEDED");
    }

    @Test
    void deepNestingIsRefused() {
        StringBuilder query = new StringBuilder("{ agency(code: \"GL-CA\") { code ");
        for (int i = 0; i < 60; i++) {
            query.append("parent { code ");
        }
        query.append("}".repeat(60)).append("} }");
        HttpResponse<String> answer = post(JSON.writeValueAsString(java.util.Map.of("query", query.toString())));
        assertNoInternals(answer);
        assertThat(answer.body()).contains("\"code\":\"LIMIT_EXCEEDED\"").doesNotContain("\"data\":{\"agency\"");
    }

    @Test
    void aliasFloodingIsRefused() {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 5000; i++) {
            query.append("a").append(i).append(": tasks(first: 100) { totalCount } ");
        }
        query.append("}");
        HttpResponse<String> answer = post(JSON.writeValueAsString(java.util.Map.of("query", query.toString())));
        assertNoInternals(answer);
        assertThat(answer.body()).contains("\"errors\"").doesNotContain("\"a4999\"");
    }

    @Test
    void batchedOperationsAreNotExecuted() {
        String one = "{\"query\":\"mutation { createApiToken(name: \\\"batch-flood\\\", scopes: [READ]) { secret } }\"}";
        HttpResponse<String> answer = post("[" + String.join(",", java.util.Collections.nCopies(100, one)) + "]");
        assertNoInternals(answer);
        assertThat(answer.statusCode()).isBetween(400, 499);
        assertThat(jdbc.queryForObject("select count(*) from api_token where name = 'batch-flood'", Integer.class))
                .isZero();
    }

    @Test
    void malformedJsonIsABadRequestWithoutInternals() {
        HttpResponse<String> answer = post("{\"query\": \"{ today }\", ");
        assertNoInternals(answer);
        assertThat(answer.statusCode()).isEqualTo(400);
    }

    @Test
    void invalidUtf8IsRefusedWithoutInternals() {
        byte[] prefix = "{\"query\":\"{ task(code: \\\"".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] suffix = "\\\") { code } }\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + invalid.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(invalid, 0, body, prefix.length, invalid.length);
        System.arraycopy(suffix, 0, body, prefix.length + invalid.length, suffix.length);
        HttpResponse<String> answer = post(body);
        assertNoInternals(answer);
        assertThat(answer.body()).doesNotContain("\"code\":\"INTERNAL\"");
    }

    @Test
    void scriptInAnnotationsResultsAndEvidenceIsShownEscapedInTheConsole() {
        TestAgencies.ensure(agencies, tx);
        Task task = fixtures.newTask(TestAgencies.OWN, LocalDate.of(2026, 6, 30));
        String mutation = """
                mutation($code: String!, $text: String!) {
                  reportProgress(code: $code, status: IN_PROGRESS, progress: 10, result: $text, reportedOn: "2026-01-05",
                    evidence: [{ title: $text }]) { errors { code } } }""";
        HttpResponse<String> reported = post(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                java.util.Map.of("query", mutation, "variables", java.util.Map.of("code", task.getCode(), "text", XSS))));
        assertThat(reported.body()).contains("\"errors\":[]");
        tx.executeWithoutResult(s -> annotations.save(new Annotation(tasks.findById(task.getId()).orElseThrow(),
                categories.findByCode("DATA").orElseThrow(), XSS, true, "tgv")));

        ConsoleClient browser = new ConsoleClient(port);
        browser.login("tgv", "demo");
        HttpResponse<String> page = browser.get("/tasks/" + task.getCode() + "?province=" + TestFixtures.PROVINCE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(XSS).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
        // And the page forbids inline script execution even if escaping failed somewhere.
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self';");
    }
}
