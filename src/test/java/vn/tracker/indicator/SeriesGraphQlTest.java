package vn.tracker.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.client.RestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/**
 * Series over HTTP on hand-computed fixtures. Agencies: GL-CA (A), GL-SYT (B) and GL-LOPANG (C,
 * no data) are children of GL-UBND, itself a child of GL. Weeks: 2025-W01 (30/12/2024–05/01/2025,
 * its Thursday is 02/01, so it belongs to January 2025) … 2025-W05 (27/01–02/02, January).
 */
@IntegrationTest
@SuppressWarnings("unchecked")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesGraphQlTest {

    private static final String QUERY = """
            query($i: String!, $a: [String!]!, $c: Boolean, $t: PeriodType, $f: String!, $to: String!, $asOf: Date) {
              series(indicator: $i, agencies: $a, includeChildren: $c, periodType: $t, from: $f, to: $to, asOf: $asOf) {
                periodType asOf periods
                agencies { agencyCode agency { name }
                  points { period start end value numerator denominator target gap meetsTarget } } } }""";

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
    @Autowired
    ObservationAggregates aggregates;
    @LocalServerPort
    int port;

    SeriesFixtures fx;

    @BeforeAll
    void createFixtures() {
        fx = new SeriesFixtures(indicators, observations, revisions, targets, agencies, tx, jdbc, cache);
        fx.removeAll();
        Indicator sum = fx.indicator("SUM", Unit.COUNT, Direction.HIGHER_BETTER, Aggregation.SUM);
        fx.observe(sum, "GL-CA", "2025-W01", 10);
        fx.observe(sum, "GL-CA", "2025-W02", 20);
        fx.observe(sum, "GL-CA", "2025-W05", 5);
        fx.observe(sum, "GL-SYT", "2025-W01", 1);
        fx.observe(sum, "GL-SYT", "2025-W03", 3);
        fx.observe(sum, "GL-CA", "2025-W06", 7); // February

        Indicator avg = fx.indicator("AVG", Unit.PERCENT, Direction.HIGHER_BETTER, Aggregation.AVERAGE);
        fx.observe(avg, "GL-CA", "2025-W01", 80);
        fx.observe(avg, "GL-CA", "2025-W02", 90);
        fx.observe(avg, "GL-SYT", "2025-W01", 70);
        fx.target(avg, null, null, 80);
        fx.target(avg, "GL-CA", null, 85);
        fx.target(avg, null, "2025-W02", 95);

        Indicator ratio = fx.indicator("RATIO", Unit.PERCENT, Direction.HIGHER_BETTER, Aggregation.RATIO);
        fx.observe(ratio, "GL-CA", "2025-W01", 30, 40);
        fx.observe(ratio, "GL-CA", "2025-W02", 45, 50);
        fx.observe(ratio, "GL-SYT", "2025-W01", 10, 60);

        Indicator last = fx.indicator("LAST", Unit.COUNT, Direction.HIGHER_BETTER, Aggregation.LAST);
        fx.observe(last, "GL-CA", "2025-W01", 100);
        fx.observe(last, "GL-CA", "2025-W03", 130);
        fx.observe(last, "GL-SYT", "2025-W02", 50);

        for (Aggregation a : List.of(Aggregation.MIN, Aggregation.MAX)) {
            Indicator i = fx.indicator(a.name(), Unit.POINTS,
                    a == Aggregation.MIN ? Direction.LOWER_BETTER : Direction.HIGHER_BETTER, a);
            fx.observe(i, "GL-CA", "2025-W01", 4);
            fx.observe(i, "GL-CA", "2025-W02", 9);
            fx.observe(i, "GL-SYT", "2025-W01", 6);
        }

        Indicator own = fx.indicator("OWN", Unit.COUNT, Direction.HIGHER_BETTER, Aggregation.SUM);
        fx.observe(own, "GL-UBND", "2025-W01", 500);
        fx.observe(own, "GL-CA", "2025-W01", 10);
        fx.observe(own, "GL-CA", "2025-W02", 20);

        Indicator revised = fx.indicator("REV", Unit.PERCENT, Direction.HIGHER_BETTER, Aggregation.AVERAGE);
        fx.observe(revised, "GL-CA", "2025-W03", BigDecimal.valueOf(50), null, null, LocalDate.of(2025, 1, 20));
        fx.observe(revised, "GL-CA", "2025-W03", BigDecimal.valueOf(60), null, null, LocalDate.of(2025, 2, 10));
        fx.observe(revised, "GL-CA", "2025-W03", BigDecimal.valueOf(65), null, null, LocalDate.of(2025, 2, 20));

        // Recorded by day while the indicator took days, then switched to weeks: the days still count.
        Indicator daily = fx.indicator("DAILY", Unit.COUNT, Direction.HIGHER_BETTER, Aggregation.SUM);
        jdbc.update("UPDATE indicator SET period_type = 'DAY' WHERE id = ?", daily.getId());
        fx.observe(daily, "GL-CA", "2025-01-01", 2);
        fx.observe(daily, "GL-CA", "2025-01-02", 3);
        fx.observe(daily, "GL-SYT", "2025-W01", 4);
        jdbc.update("UPDATE indicator SET period_type = 'WEEK' WHERE id = ?", daily.getId());
    }

    @AfterAll
    void removeFixtures() {
        fx.removeAll();
    }

    @Test
    void sumAcrossAgenciesAndTime() {
        Map<String, List<Double>> weekly = values("SUM", List.of("GL-UBND"), true, "WEEK", "2025-W01", "2025-W05");
        assertThat(weekly.get("GL-UBND")).containsExactly(11.0, 20.0, 3.0, null, 5.0);
        assertThat(weekly.get("GL-CA")).containsExactly(10.0, 20.0, null, null, 5.0);
        assertThat(weekly.get("GL-SYT")).containsExactly(1.0, null, 3.0, null, null);
        assertThat(weekly.get("GL-LOPANG")).containsExactly(null, null, null, null, null);
        Map<String, List<Double>> monthly = values("SUM", List.of("GL"), false, "MONTH", "2025-01", "2025-03");
        assertThat(monthly.get("GL")).containsExactly(39.0, 7.0, null);
        assertThat(values("SUM", List.of("GL-CA"), false, "YEAR", "2025", "2025").get("GL-CA")).containsExactly(42.0);
        assertThat(values("SUM", List.of("GL-UBND"), false, "QUARTER", "2025-Q1", "2025-Q1").get("GL-UBND"))
                .containsExactly(46.0);
    }

    @Test
    void averageAcrossAgenciesAndTimeWithTargets() {
        Map<String, List<Double>> weekly = values("AVG", List.of("GL-UBND"), true, "WEEK", "2025-W01", "2025-W02");
        assertThat(weekly.get("GL-UBND")).containsExactly(75.0, 90.0);
        assertThat(weekly.get("GL-CA")).containsExactly(80.0, 90.0);
        assertThat(values("AVG", List.of("GL-UBND", "GL-CA"), false, "MONTH", "2025-01", "2025-01"))
                .containsEntry("GL-UBND", Arrays.asList(80.0)).containsEntry("GL-CA", Arrays.asList(85.0));

        List<Map<String, Object>> ubnd = points("AVG", List.of("GL-UBND"), false, "WEEK", "2025-W01", "2025-W03");
        // General target 80, period target 95 for W02; the agency target 85 applies to GL-CA only.
        assertThat(ubnd.get(0)).containsEntry("target", 80.0).containsEntry("gap", -5.0).containsEntry("meetsTarget", false);
        assertThat(ubnd.get(1)).containsEntry("target", 95.0).containsEntry("gap", -5.0).containsEntry("meetsTarget", false);
        assertThat(ubnd.get(2)).containsEntry("value", null).containsEntry("gap", null).containsEntry("meetsTarget", null);
        List<Map<String, Object>> ca = points("AVG", List.of("GL-CA"), false, "WEEK", "2025-W01", "2025-W01");
        assertThat(ca.get(0)).containsEntry("target", 85.0).containsEntry("gap", -5.0);
    }

    @Test
    void ratioIsSumOfNumeratorsOverSumOfDenominators() {
        List<Map<String, Object>> w = points("RATIO", List.of("GL-UBND"), false, "WEEK", "2025-W01", "2025-W01");
        assertThat(w.get(0)).containsEntry("value", 40.0).containsEntry("numerator", 40.0)
                .containsEntry("denominator", 100.0);
        List<Map<String, Object>> jan = points("RATIO", List.of("GL-UBND"), false, "MONTH", "2025-01", "2025-01");
        assertThat((Double) jan.get(0).get("value")).isCloseTo(85.0 * 100 / 150, within(1e-6));
        assertThat(jan.get(0)).containsEntry("numerator", 85.0).containsEntry("denominator", 150.0);
        List<Map<String, Object>> ca = points("RATIO", List.of("GL-CA"), false, "MONTH", "2025-01", "2025-01");
        assertThat((Double) ca.get(0).get("value")).isCloseTo(75.0 * 100 / 90, within(1e-6));
    }

    @Test
    void lastTakesEachAgencysLatestValueAndAddsAgencies() {
        assertThat(values("LAST", List.of("GL-UBND"), false, "WEEK", "2025-W01", "2025-W04").get("GL-UBND"))
                .containsExactly(100.0, 50.0, 130.0, null);
        assertThat(values("LAST", List.of("GL-UBND", "GL-CA"), false, "MONTH", "2025-01", "2025-01"))
                .containsEntry("GL-UBND", Arrays.asList(180.0)).containsEntry("GL-CA", Arrays.asList(130.0));
    }

    @Test
    void minAndMaxAcrossAgenciesAndTime() {
        assertThat(values("MIN", List.of("GL-UBND"), false, "WEEK", "2025-W01", "2025-W02").get("GL-UBND"))
                .containsExactly(4.0, 9.0);
        assertThat(values("MAX", List.of("GL-UBND"), false, "WEEK", "2025-W01", "2025-W02").get("GL-UBND"))
                .containsExactly(6.0, 9.0);
        assertThat(values("MIN", List.of("GL-UBND"), false, "MONTH", "2025-01", "2025-01").get("GL-UBND"))
                .containsExactly(4.0);
        assertThat(values("MAX", List.of("GL-UBND"), false, "YEAR", "2025", "2025").get("GL-UBND"))
                .containsExactly(9.0);
    }

    @Test
    void anAgencysOwnFigureWinsOverItsChildren() {
        assertThat(values("OWN", List.of("GL-UBND"), false, "WEEK", "2025-W01", "2025-W02").get("GL-UBND"))
                .containsExactly(500.0, 20.0);
    }

    @Test
    void daysRecordedBeforeTheIndicatorTookWeeksStillCountInAWeek() {
        assertThat(values("DAILY", List.of("GL-UBND"), true, "WEEK", "2025-W01", "2025-W01"))
                .containsEntry("GL-CA", List.of(5.0)).containsEntry("GL-SYT", List.of(4.0))
                .containsEntry("GL-UBND", List.of(9.0));
    }

    /**
     * A series of the indicator's own period type reads rows one by one instead of grouping them
     * in SQL (a speed choice): both reads must give every agency and period the same figures, for
     * every aggregation, at every as-of date around the revisions.
     */
    @Test
    void rowByRowReadGivesWhatTheGroupedReadGives() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM agency WHERE code IN ('GL-UBND', 'GL-CA', 'GL-SYT')",
                Long.class);
        Period first = Period.parse("2025-W01").orElseThrow();
        Period last = Period.parse("2025-W06").orElseThrow();
        int compared = 0;
        for (String code : List.of("SUM", "AVG", "RATIO", "LAST", "MIN", "MAX", "OWN", "REV", "DAILY")) {
            Indicator indicator = indicators.findByCode(SeriesFixtures.PREFIX + code).orElseThrow();
            for (String asOf : List.of("2025-01-10", "2025-01-31", "2025-02-10", "2025-02-19", "2025-06-01")) {
                Map<String, BigDecimal> rows = folded(indicator, first, last, ids, asOf, PeriodType.WEEK);
                Map<String, BigDecimal> grouped = folded(indicator, first, last, ids, asOf, PeriodType.DAY);
                assertThat(rows).as(code + " as of " + asOf).isEqualTo(grouped);
                compared += rows.size();
            }
        }
        assertThat(compared).isGreaterThan(40);
    }

    /** Groups of one read merged per agency, period and observed type as SeriesService does, then valued. */
    private Map<String, BigDecimal> folded(Indicator indicator, Period first, Period last, List<Long> agencyIds,
            String asOf, PeriodType finestRecorded) {
        Map<String, AggregateState> states = new java.util.TreeMap<>();
        for (ObservationAggregates.Group g : aggregates.groups(indicator.getId(), indicator.getAggregation(),
                PeriodType.WEEK, first, last, agencyIds, LocalDate.parse(asOf), finestRecorded)) {
            states.merge(g.agencyId() + "|" + g.bucket() + "|" + g.observedAs(), g.state(), (a, b) -> {
                a.mergeSameAgency(b);
                return a;
            });
        }
        Map<String, BigDecimal> values = new java.util.TreeMap<>();
        states.forEach((k, st) -> {
            BigDecimal v = st.value(indicator.getAggregation(), indicator.getUnit());
            values.put(k, v == null ? null : v.stripTrailingZeros());
        });
        return values;
    }

    @Test
    void asOfIgnoresValuesRecordedLater() {
        assertThat(values("REV", "2025-01-10").get("GL-CA")).containsExactly((Double) null);
        assertThat(values("REV", "2025-01-31").get("GL-CA")).containsExactly(50.0);
        assertThat(values("REV", "2025-02-10").get("GL-CA")).containsExactly(60.0);
        assertThat(values("REV", "2025-02-19").get("GL-CA")).containsExactly(60.0);
        assertThat(values("REV", "2025-03-01").get("GL-CA")).containsExactly(65.0);
        // The parent aggregates the value that held then as well.
        assertThat(values("REV", "2025-01-31").get("GL-UBND")).containsExactly(50.0);
    }

    @Test
    void rankAmongSiblingsFollowsTheDirection() {
        HttpGraphQlTester graphQl = admin();
        String q = "query($i: String!, $a: String!) { rank(indicator: $i, period: \"2025-W01\", agency: $a, "
                + "asOf: \"2025-06-01\") { rank of value text } }";
        graphQl.document(q).variable("i", "ZZT6_MAX").variable("a", "GL-SYT").execute()
                .path("rank.text").entity(String.class).isEqualTo("1/2");
        graphQl.document(q).variable("i", "ZZT6_MAX").variable("a", "GL-CA").execute()
                .path("rank.text").entity(String.class).isEqualTo("2/2");
        graphQl.document(q).variable("i", "ZZT6_MIN").variable("a", "GL-CA").execute()
                .path("rank.rank").entity(Integer.class).isEqualTo(1);
        graphQl.document(q).variable("i", "ZZT6_MIN").variable("a", "GL-LOPANG").execute()
                .path("rank.rank").valueIsNull()
                .path("rank.of").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void sampleDigitizationRateRisesAboveItsTarget() {
        HttpGraphQlTester graphQl = admin();
        for (Object[] c : new Object[][] {{"2025-12-31", 88.21}, {"2025-12-01", 85.49}}) {
            graphQl.document(QUERY).variable("i", "TTHC_DIGITIZATION_RATE").variable("a", List.of("GL"))
                    .variable("t", "YEAR").variable("f", "2025").variable("to", "2025").variable("asOf", c[0])
                    .execute()
                    .path("series.agencies[0].points[0].value").entity(Double.class).isEqualTo((Double) c[1])
                    .path("series.agencies[0].points[0].target").entity(Double.class).isEqualTo(80.0)
                    .path("series.agencies[0].points[0].meetsTarget").entity(Boolean.class).isEqualTo(true)
                    .path("series.agencies[0].points[0].gap").entity(Double.class)
                    .satisfies(g -> assertThat(g).isCloseTo((Double) c[1] - 80, within(1e-9)));
        }
        graphQl.document(QUERY).variable("i", "TTHC_DIGITIZATION_RATE").variable("a", List.of("GL"))
                .variable("f", "2025").variable("to", "2025").variable("asOf", "2025-11-01").execute()
                .path("series.periodType").entity(String.class).isEqualTo("YEAR")
                .path("series.agencies[0].agency.name").entity(String.class).isEqualTo("Tỉnh Gia Lai")
                .path("series.agencies[0].points[0].value").valueIsNull();
    }

    @Test
    void badInputIsAnErrorWithACode() {
        HttpGraphQlTester graphQl = admin();
        graphQl.document(QUERY).variable("i", "ZZT6_SUM").variable("a", List.of("GL")).variable("f", "2025-W99")
                .variable("to", "2025-W02").execute().errors()
                .satisfy(e -> assertThat(e).singleElement().satisfies(err -> {
                    assertThat(err.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("field", "from");
                }));
        graphQl.document(QUERY).variable("i", "NO_SUCH").variable("a", List.of("GL")).variable("f", "2025")
                .variable("to", "2025").execute().errors()
                .satisfy(e -> assertThat(e).singleElement()
                        .satisfies(err -> assertThat(err.getExtensions()).containsEntry("code", "NOT_FOUND")));
        graphQl.document(QUERY).variable("i", "ZZT6_SUM").variable("a", List.of("GL")).variable("t", "DAY")
                .variable("f", "2020-01-01").variable("to", "2025-12-31").execute().errors()
                .satisfy(e -> assertThat(e).singleElement()
                        .satisfies(err -> assertThat(err.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
    }

    @Test
    void downloadsTheSeriesAsCsvAndJson() {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.ADMIN).build();
        String csv = http.get().uri("/api/indicators/ZZT6_SUM/series.csv?agencies=GL-UBND&includeChildren=true"
                + "&periodType=WEEK&from=2025-W01&to=2025-W02&asOf=2025-06-01").retrieve().body(String.class);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "indicator,agency_code,agency_name,period,start,end,value,numerator,denominator,target,gap,meets_target");
        assertThat(lines).contains("ZZT6_SUM,GL-UBND,Ủy ban nhân dân tỉnh Gia Lai,2025-W01,2024-12-30,2025-01-05,11,,,,,",
                "ZZT6_SUM,GL-CA,Công an tỉnh Gia Lai,2025-W02,2025-01-06,2025-01-12,20,,,,,",
                "ZZT6_SUM,GL-SYT,Sở Y tế tỉnh Gia Lai,2025-W02,2025-01-06,2025-01-12,,,,,,");
        Map<String, Object> json = http.get().uri("/api/indicators/ZZT6_AVG/series.json?agencies=GL-UBND"
                + "&periodType=MONTH&from=2025-01&to=2025-02&asOf=2025-06-01").retrieve().body(Map.class);
        assertThat(json).containsEntry("periodType", "MONTH").containsEntry("periods", List.of("2025-01", "2025-02"));
        List<Map<String, Object>> points = (List<Map<String, Object>>) ((List<Map<String, Object>>) json.get("agencies"))
                .get(0).get("points");
        assertThat(((Number) points.get(0).get("value")).doubleValue()).isEqualTo(80.0);
        assertThat(points.get(0)).containsEntry("meetsTarget", true);
        assertThat(points.get(1)).containsEntry("value", null);
        int missing = http.get().uri("/api/indicators/NO_SUCH/series.csv?agencies=GL&from=2025&to=2025")
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(missing).isEqualTo(404);
    }

    /** The default 5 s timeout fails a cold first request on a loaded 2-core machine. */
    private HttpGraphQlTester admin() {
        return TestTokens.asAdmin(tester).mutate().responseTimeout(java.time.Duration.ofSeconds(60))
                .webTestClient(client -> client.responseTimeout(java.time.Duration.ofSeconds(60))).build();
    }

    private Map<String, List<Double>> values(String indicator, String asOf) {
        return values(indicator, List.of("GL-UBND", "GL-CA"), false, "WEEK", "2025-W03", "2025-W03", asOf);
    }

    private Map<String, List<Double>> values(String indicator, List<String> agencies, boolean children, String type,
            String from, String to) {
        return values(indicator, agencies, children, type, from, to, "2025-06-01");
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<Double>> values(String indicator, List<String> agencies, boolean children, String type,
            String from, String to, String asOf) {
        List<Map<String, Object>> series = execute(indicator, agencies, children, type, from, to, asOf);
        Map<String, List<Double>> result = new java.util.LinkedHashMap<>();
        for (Map<String, Object> s : series) {
            List<Map<String, Object>> points = (List<Map<String, Object>>) s.get("points");
            result.put((String) s.get("agencyCode"), points.stream()
                    .map(p -> p.get("value") == null ? null : ((Number) p.get("value")).doubleValue()).toList());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> points(String indicator, List<String> agencies, boolean children, String type,
            String from, String to) {
        return (List<Map<String, Object>>) execute(indicator, agencies, children, type, from, to, "2025-06-01")
                .get(0).get("points");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> execute(String indicator, List<String> agencies, boolean children, String type,
            String from, String to, String asOf) {
        return admin().document(QUERY).variable("i", SeriesFixtures.PREFIX + indicator)
                .variable("a", agencies).variable("c", children).variable("t", type).variable("f", from)
                .variable("to", to).variable("asOf", asOf).execute()
                .path("series.agencies").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m)
                .toList();
    }
}
