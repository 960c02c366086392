package vn.tracker.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/** recordObservations and the CSV upload over HTTP: upserts, revisions, validation, all-or-nothing, cache. */
@IntegrationTest
@SuppressWarnings("unchecked")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationIngestTest {

    private static final String RECORD = """
            mutation($input: [ObservationInput!]!) { recordObservations(input: $input) {
              summary { rows created updated unchanged } errors { code field message } } }""";
    private static final String SERIES = """
            query($i: String!, $asOf: Date) { series(indicator: $i, agencies: ["GL-CA"], periodType: WEEK,
              from: "2025-W10", to: "2025-W11", asOf: $asOf) { agencies { points { value } } } }""";

    @Autowired
    HttpGraphQlTester tester;
    @Autowired
    IndicatorRepository indicators;
    @Autowired
    ObservationRepository observations;
    @Autowired
    ObservationRevisionRepository revisions;
    @Autowired
    TargetRepository targets;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SeriesCache cache;
    @LocalServerPort
    int port;

    SeriesFixtures fx;
    Indicator rate;
    Indicator count;

    @BeforeAll
    void createIndicators() {
        fx = new SeriesFixtures(indicators, observations, revisions, targets, agencies, tx, jdbc, cache);
        fx.removeAll();
        rate = fx.indicator("ING_RATE", Unit.PERCENT, Direction.HIGHER_BETTER, Aggregation.RATIO);
        count = fx.indicator("ING_COUNT", Unit.COUNT, Direction.HIGHER_BETTER, Aggregation.SUM);
    }

    @AfterAll
    void removeIndicators() {
        fx.removeAll();
    }

    @Test
    void recordsThenReplacesKeepingTheOldValueAsARevisionAndTheSeriesSeesItAtOnce() {
        HttpGraphQlTester graphQl = TestTokens.asAdmin(tester);
        // Warm the cache with an empty series first: the ingest must still be visible immediately.
        series(graphQl, "ZZT6_ING_COUNT", "2025-06-01").containsExactly(null, null);
        graphQl.document(RECORD).variable("input", List.of(
                        row("ZZT6_ING_COUNT", "GL-CA", "2025-W10", 7, "2025-03-05", "báo cáo tuần 10"),
                        row("ZZT6_ING_COUNT", "GL-CA", "2025-W11", 9, "2025-03-12", "báo cáo tuần 11")))
                .execute()
                .path("recordObservations.errors").entityList(Object.class).hasSize(0)
                .path("recordObservations.summary.created").entity(Integer.class).isEqualTo(2);
        series(graphQl, "ZZT6_ING_COUNT", "2025-06-01").containsExactly(7.0, 9.0);

        graphQl.document(RECORD).variable("input", List.of(
                        row("ZZT6_ING_COUNT", "GL-CA", "2025-W10", 8, "2025-03-20", "đính chính"),
                        row("ZZT6_ING_COUNT", "GL-CA", "2025-W11", 9, "2025-03-20", "như cũ")))
                .execute()
                .path("recordObservations.summary.updated").entity(Integer.class).isEqualTo(1)
                .path("recordObservations.summary.unchanged").entity(Integer.class).isEqualTo(1);
        series(graphQl, "ZZT6_ING_COUNT", "2025-06-01").containsExactly(8.0, 9.0);
        // A report as of 15/03 still shows what was known then.
        series(graphQl, "ZZT6_ING_COUNT", "2025-03-15").containsExactly(7.0, 9.0);

        Map<String, Object> revision = jdbc.queryForMap("SELECT r.obs_value, r.recorded_by, r.source_doc, r.superseded_at"
                + " FROM observation_revision r JOIN observation o ON o.id = r.observation_id"
                + " JOIN indicator i ON i.id = o.indicator_id WHERE i.code = 'ZZT6_ING_COUNT' AND o.period = '2025-W10'");
        assertThat(((BigDecimal) revision.get("obs_value")).intValue()).isEqualTo(7);
        assertThat(revision.get("source_doc")).isEqualTo("báo cáo tuần 10");
        assertThat(revision.get("recorded_by")).isNotNull();
        assertThat(revision.get("superseded_at")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT o.source_doc FROM observation o JOIN indicator i ON i.id = o.indicator_id"
                + " WHERE i.code = 'ZZT6_ING_COUNT' AND o.period = '2025-W10'", String.class)).isEqualTo("đính chính");

        // Both writing requests are in the audit log (who, what), newest first; values are in the revisions.
        graphQl.document("""
                        { auditLog(filter: {entityType: "ObservationBatch", entityCode: "ZZT6_ING_COUNT"}, first: 2) {
                            edges { node { actorKind changes { field after } } } } }""")
                .execute()
                .path("auditLog.edges[0].node.actorKind").entity(String.class).isEqualTo("TOKEN")
                .path("auditLog.edges[0].node.changes[?(@.field == 'updated')].after").entityList(String.class)
                .containsExactly("1")
                .path("auditLog.edges[1].node.changes[?(@.field == 'created')].after").entityList(String.class)
                .containsExactly("2");
    }

    @Test
    void everyBadRowIsReportedWithItsIndexAndNothingIsWritten() {
        long before = observationCount();
        List<Map<String, Object>> input = new ArrayList<>();
        input.add(row("ZZT6_ING_RATE", "GL-SYT", "2025-W10", 50, "2025-03-05", null));       // 0 fine
        input.add(row("NO_SUCH_INDICATOR", "GL-SYT", "2025-W10", 1, null, null));            // 1
        input.add(row("ZZT6_ING_RATE", "NO-SUCH-AGENCY", "2025-W10", 1, null, null));        // 2
        input.add(row("ZZT6_ING_RATE", "GL-SYT", "2025-W60", 1, null, null));                // 3 bad period
        input.add(row("ZZT6_ING_RATE", "GL-SYT", "2025-03-05", 1, null, null));              // 4 finer than WEEK
        input.add(row("ZZT6_ING_RATE", "GL-SYT", "2025-W11", 101, null, null));              // 5 above 100 %
        Map<String, Object> parts = row("ZZT6_ING_RATE", "GL-SYT", "2025-W12", null, null, null);
        parts.put("numerator", 12);
        parts.put("denominator", 10);
        input.add(parts);                                                                   // 6 numerator > denominator
        input.add(row("ZZT6_ING_RATE", "GL-SYT", "2025-W10", 60, null, null));               // 7 duplicate of 0
        List<Map<String, Object>> errors = TestTokens.asAdmin(tester).document(RECORD).variable("input", input)
                .execute()
                .path("recordObservations.summary").valueIsNull()
                .path("recordObservations.errors").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(errors).extracting(e -> e.get("field")).containsExactly(
                List.of("input", "1", "indicator"), List.of("input", "2", "agency"), List.of("input", "3", "period"),
                List.of("input", "4", "period"), List.of("input", "5", "value"), List.of("input", "6", "numerator"),
                List.of("input", "7", "period"));
        assertThat(errors).extracting(e -> e.get("code")).containsExactly("NOT_FOUND", "NOT_FOUND", "BAD_USER_INPUT",
                "BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT");
        assertThat(errors.get(6).get("message").toString()).contains("0");
        assertThat(observationCount()).isEqualTo(before);
    }

    @Test
    void aRatioGivenAsPartsGetsItsValueComputed() {
        Map<String, Object> parts = row("ZZT6_ING_RATE", "GL-STP", "2025-W20", null, "2025-05-20", null);
        parts.put("numerator", 2137471);
        parts.put("denominator", 2752097);
        TestTokens.asAdmin(tester).document(RECORD).variable("input", List.of(parts)).execute()
                .path("recordObservations.summary.created").entity(Integer.class).isEqualTo(1);
        BigDecimal value = jdbc.queryForObject("SELECT o.obs_value FROM observation o JOIN indicator i"
                + " ON i.id = o.indicator_id WHERE i.code = 'ZZT6_ING_RATE' AND o.period = '2025-W20'", BigDecimal.class);
        assertThat(value).isEqualByComparingTo("77.6670");
    }

    @Test
    void moreThanTenThousandRowsAreRefused() {
        List<Map<String, Object>> input = new ArrayList<>();
        for (int i = 0; i <= ObservationIngestService.MAX_ROWS; i++) {
            input.add(Map.of("indicator", "X", "agency", "Y", "period", "2025"));
        }
        TestTokens.asAdmin(tester).document(RECORD).variable("input", input).execute()
                .path("recordObservations.errors[0].code").entity(String.class).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void csvUploadStreamsAllOrNothing() {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.ADMIN).build();
        String good = "\uFEFFindicator_code,scope,period,value,numerator,denominator,as_of,source_doc,note\n"
                + "ZZT6_ING_COUNT,GL-SNV,2025-W30,5,,,2025-07-30,upload,\n"
                + "ZZT6_ING_COUNT,GL-SNV,2025-W31,6,,,2025-07-30,upload,\"ghi chú, có dấu phẩy\"\n"
                + "ZZT6_ING_RATE,GL-SNV,2025-W30,,3,4,2025-07-30,upload,\n";
        Map<String, Object> ok = http.post().uri("/api/observations").contentType(MediaType.parseMediaType("text/csv"))
                .body(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)).retrieve().body(Map.class);
        assertThat(ok).containsEntry("created", 3).containsEntry("rows", 3);

        long before = observationCount();
        String bad = "indicator_code,scope,period,value\n"
                + "ZZT6_ING_COUNT,GL-SNV,2025-W32,1\n"
                + "ZZT6_ING_COUNT,GL-SNV,2025-W33,abc\n"
                + "ZZT6_ING_COUNT,GL-NOPE,2025-W34,1\n";
        Map.Entry<HttpStatusCode, Map> response = http.post().uri("/api/observations").contentType(MediaType.parseMediaType("text/csv"))
                .body(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)).exchange((req, res) -> Map.<HttpStatusCode, Map>entry(res.getStatusCode(), res.bodyTo(Map.class)));
        assertThat(response.getKey()).isEqualTo(HttpStatusCode.valueOf(422));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getValue().get("errors");
        assertThat(errors).extracting(e -> e.get("line")).containsExactly(3, 4);
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("value", "agency");
        assertThat(observationCount()).isEqualTo(before);

        int anonymous = RestClient.create("http://localhost:" + port).post().uri("/api/observations")
                .contentType(MediaType.parseMediaType("text/csv")).body(good.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(anonymous).isEqualTo(401);
    }

    private long observationCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM observation", Long.class);
    }

    private static org.assertj.core.api.ListAssert<Double> series(HttpGraphQlTester graphQl, String indicator,
            String asOf) {
        List<Double> values = graphQl.document(SERIES).variable("i", indicator).variable("asOf", asOf).execute()
                .path("series.agencies[0].points[*].value").entityList(Double.class).get();
        return assertThat(values);
    }

    private static Map<String, Object> row(String indicator, String agency, String period, Number value, String asOf,
            String source) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("indicator", indicator);
        m.put("agency", agency);
        m.put("period", period);
        m.put("value", value);
        m.put("asOf", asOf);
        m.put("source", source);
        return m;
    }
}
