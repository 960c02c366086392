package vn.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.dataimport.CsvImporter;
import vn.tracker.dataimport.CsvSource;
import vn.tracker.indicator.Aggregation;
import vn.tracker.indicator.Direction;
import vn.tracker.indicator.Indicator;
import vn.tracker.indicator.IndicatorRepository;
import vn.tracker.indicator.PeriodType;
import vn.tracker.indicator.Unit;
import vn.tracker.ops.DataGeneration;
import vn.tracker.security.ApiTokenService;
import vn.tracker.security.Scope;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;

/**
 * The GraphQL response cache over real HTTP: a repeated query is answered from memory for two
 * statements (token check + data generation), and every committed write — a mutation, a CSV
 * import, an observation upload (JDBC batches), a plain JDBC write — makes the next read compute
 * again, with the new data. Callers never share entries; errors and clock-dependent fields are
 * never stored; {@code Cache-Control: no-cache} bypasses.
 */
@IntegrationTest
class ResponseCacheTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TASK = "query CacheTask($c: String!, $p: String) { task(code: $c, province: $p)"
            + " { code progress result } }";

    @LocalServerPort
    int port;
    @Autowired
    SqlStatements sql;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    DataGeneration generation;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CsvImporter importer;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    IndicatorRepository indicators;

    /** One HTTP answer: the X-Cache header and the parsed body. */
    record Answer(String cache, JsonNode body) {
        JsonNode data() {
            return body.get("data");
        }
    }

    static Answer post(int port, String token, String query, Map<String, Object> variables, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("query", query, "variables", variables))));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new Answer(response.headers().firstValue(ResponseCache.HEADER).orElse(null),
                    JSON.readTree(response.body()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer task(String code) {
        return post(port, TestTokens.ADMIN, TASK, Map.of("c", code, "p", TestFixtures.PROVINCE));
    }

    @Test
    void aRepeatedQueryIsAHitCostingOnlyTheTokenCheckAndTheGenerationRead() {
        String code = fixtures.newTask("GL-CA", null).getCode();
        Answer first = task(code);
        assertThat(first.cache()).isEqualTo("MISS");
        Answer[] second = new Answer[1];
        long statements = sql.during(() -> second[0] = task(code));
        assertThat(second[0].cache()).isEqualTo("HIT");
        assertThat(second[0].body()).isEqualTo(first.body());
        assertThat(statements).as("token check + generation read").isEqualTo(2);
    }

    @Test
    void aMutationMakesTheNextReadComputeTheNewAnswer() {
        String code = fixtures.newTask("GL-CA", null).getCode();
        task(code);
        assertThat(task(code).cache()).isEqualTo("HIT");
        Answer write = post(port, TestTokens.ADMIN, """
                mutation($c: String!, $p: String) { reportProgress(code: $c, province: $p, status: IN_PROGRESS,
                  progress: 40, result: "đã làm một phần") { errors { code } } }""",
                Map.of("c", code, "p", TestFixtures.PROVINCE));
        assertThat(write.data().at("/reportProgress/errors")).isEmpty();
        assertThat(write.cache()).as("mutations are never served from the cache").isNotEqualTo("HIT");
        Answer after = task(code);
        assertThat(after.cache()).isEqualTo("MISS");
        assertThat(after.data().at("/task/progress").asInt()).isEqualTo(40);
        assertThat(task(code).cache()).isEqualTo("HIT");
    }

    @Test
    void aCsvImportMakesTheNextReadSeeTheImportedTask(@TempDir Path dir) throws IOException {
        String code = TestFixtures.uniqueCode("RC");
        Answer before = task(code);
        assertThat(before.data().get("task").isNull()).isTrue();
        assertThat(task(code).cache()).isEqualTo("HIT");
        Files.writeString(dir.resolve("tasks.csv"), """
                code,title,directive_code,lead_agency_code,coordinating_agency_codes,due_on,status,result,source_doc,province
                %s,Nhiệm vụ nhập từ CSV,57-NQ/TW,GL-CA,,2026-03-31,NOT_STARTED,,,%s
                """.formatted(code, TestFixtures.PROVINCE), StandardCharsets.UTF_8);
        importer.importAll(CsvSource.directory(dir));
        Answer after = task(code);
        assertThat(after.cache()).isEqualTo("MISS");
        assertThat(after.data().at("/task/code").asString()).isEqualTo(code);
    }

    @Test
    void anObservationUploadMakesTheNextSeriesReadSeeTheNewValue() throws Exception {
        String indicator = ("ZZRC_" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase();
        tx.executeWithoutResult(s -> indicators.save(new Indicator(indicator, "Chỉ tiêu thử bộ nhớ đệm", Unit.COUNT,
                Direction.HIGHER_BETTER, Aggregation.SUM, PeriodType.WEEK)));
        try {
            String series = """
                    query CacheSeries($i: String!) { series(indicator: $i, agencies: ["GL-CA"], periodType: WEEK,
                      from: "2025-W10", to: "2025-W10", asOf: "2025-12-31") { agencies { points { value } } } }""";
            Map<String, Object> vars = Map.of("i", indicator);
            assertThat(post(port, TestTokens.ADMIN, series, vars).data().at("/series/agencies/0/points/0/value")
                    .isNull()).isTrue();
            assertThat(post(port, TestTokens.ADMIN, series, vars).cache()).isEqualTo("HIT");
            String csv = "indicator_code,scope,period,value,numerator,denominator,as_of,source_doc,note\n"
                    + indicator + ",GL-CA,2025-W10,7,,,2025-03-10,upload,\n";
            HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/observations"))
                    .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TestTokens.ADMIN)
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
            Answer after = post(port, TestTokens.ADMIN, series, vars);
            assertThat(after.cache()).isEqualTo("MISS");
            assertThat(after.data().at("/series/agencies/0/points/0/value").decimalValue())
                    .isEqualByComparingTo(BigDecimal.valueOf(7));
        } finally {
            String id = "(SELECT id FROM indicator WHERE code = '" + indicator + "')";
            jdbc.update("DELETE FROM observation_revision WHERE observation_id IN (SELECT id FROM observation WHERE indicator_id = " + id + ")");
            jdbc.update("DELETE FROM observation WHERE indicator_id = " + id);
            jdbc.update("DELETE FROM indicator WHERE code = ?", indicator);
        }
    }

    @Test
    void differentCallersNeverShareAnEntry() {
        String reader = tokens.issue(TestFixtures.uniqueCode("rc-reader"), Set.of(Scope.READ),
                agencies.findByCode("GL-CA").orElseThrow(), "test", null);
        String me = "query CacheMe { me { name role } }";
        Answer admin = post(port, TestTokens.ADMIN, me, Map.of());
        post(port, TestTokens.ADMIN, me, Map.of());
        Answer other = post(port, reader, me, Map.of());
        assertThat(other.cache()).isEqualTo("MISS");
        assertThat(other.data().at("/me/name").asString()).isNotEqualTo(admin.data().at("/me/name").asString());
        assertThat(post(port, reader, me, Map.of()).data()).isEqualTo(other.data());
        assertThat(post(port, TestTokens.ADMIN, me, Map.of()).data()).isEqualTo(admin.data());
    }

    @Test
    void answersWithErrorsAndClockDependentFieldsAreNeverStored() {
        String reader = tokens.issue(TestFixtures.uniqueCode("rc-denied"), Set.of(Scope.READ),
                agencies.findByCode("GL-CA").orElseThrow(), "test", null);
        String audit = "query CacheAudit { auditLog(first: 1) { edges { node { id } } } }";
        Answer denied = post(port, reader, audit, Map.of());
        assertThat(denied.body().get("errors")).isNotEmpty();
        assertThat(post(port, reader, audit, Map.of()).cache()).isEqualTo("MISS");

        String tokensQuery = "query CacheTokens { apiTokens(first: 1) { edges { node { active } } } }";
        post(port, TestTokens.ADMIN, tokensQuery, Map.of());
        assertThat(post(port, TestTokens.ADMIN, tokensQuery, Map.of()).cache())
                .as("a token's `active` changes with the time of day, not only with data").isEqualTo("MISS");
    }

    @Test
    void noCacheBypassesTheCache() {
        String code = fixtures.newTask("GL-CA", null).getCode();
        task(code);
        Answer bypass = post(port, TestTokens.ADMIN, TASK, Map.of("c", code, "p", TestFixtures.PROVINCE),
                "Cache-Control", "no-cache");
        assertThat(bypass.cache()).isEqualTo("BYPASS");
        assertThat(bypass.data().at("/task/code").asString()).isEqualTo(code);
    }

    @Test
    void aCommittedWriteBumpsTheGenerationOnceAndARolledBackOneDoesNot() {
        String code = fixtures.newTask("GL-CA", LocalDate.of(2026, 3, 31)).getCode();
        long g0 = generation.current();
        tx.executeWithoutResult(s -> {
            jdbc.update("UPDATE task SET result = 'lần 1' WHERE code = ?", code);
            jdbc.update("UPDATE task SET result = 'lần 2' WHERE code = ?", code);
        });
        long g1 = generation.current();
        assertThat(g1).as("one bump per committed transaction").isEqualTo(g0 + 1);

        tx.executeWithoutResult(s -> {
            jdbc.update("UPDATE task SET result = 'bỏ' WHERE code = ?", code);
            s.setRollbackOnly();
        });
        assertThat(generation.current()).as("a rolled-back write bumps nothing").isEqualTo(g1);

        jdbc.update("UPDATE task SET result = 'tự cam kết' WHERE code = ?", code); // autocommit
        assertThat(generation.current()).isEqualTo(g1 + 1);
        tx.executeWithoutResult(s -> jdbc.queryForList("SELECT code FROM task WHERE code = ?", code));
        assertThat(generation.current()).as("reads bump nothing").isEqualTo(g1 + 1);
    }
}
