package vn.tracker.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.support.TestTokens;

/**
 * The append path of observation packs (V91): new observations are appended to a period's pack
 * as segments without reading it, a correction rewrites it as one segment, uploads adding to the
 * same pack at the same moment both land, and JPA writers update packs once per transaction.
 * Every state is checked against the series read from the observation rows.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationPackAppendTest {

    private static final String RECORD = """
            mutation($input: [ObservationInput!]!) { recordObservations(input: $input) {
              summary { rows created updated unchanged } errors { code field message } } }""";
    /** Communes and departments under GL-UBND: the series roll them up to the province. */
    private static final List<String> CHILDREN = List.of("GL-CA", "GL-SYT", "GL-LOPANG");

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
    SeriesService series;
    @Autowired
    SqlStatements sql;

    SeriesFixtures fx;

    @BeforeAll
    void createFixtures() {
        fx = new SeriesFixtures(indicators, observations, revisions, targets, agencies, tx, jdbc, cache);
        fx.removeAll();
    }

    @AfterAll
    void removeFixtures() {
        fx.removeAll();
    }

    @Test
    void appendedSegmentsAndACorrectionGiveTheRawAnswerAtEveryDate() {
        for (Aggregation a : Aggregation.values()) {
            Indicator i = fx.indicator("APPEND_" + a.name(), a == Aggregation.RATIO ? Unit.PERCENT : Unit.COUNT,
                    Direction.HIGHER_BETTER, a);
            // Three uploads into the same week's pack: each appends a segment.
            ingest(List.of(row(i, "GL-CA", "2025-W10", 10, 20, "2025-03-10")));
            ingest(List.of(row(i, "GL-SYT", "2025-W10", 3, 9, "2025-03-11"), row(i, "GL-SYT", "2025-W11", 4, 9,
                    "2025-03-18")));
            ingest(List.of(row(i, "GL-LOPANG", "2025-W10", 7, 8, "2025-03-12")));
            assertThat(segments(i, "2025-03-03", "GL-CA")).isEqualTo(3);
            // A correction of GL-CA recorded later: the pack is read, rewritten as one segment.
            ingest(List.of(row(i, "GL-CA", "2025-W10", 15, 20, "2025-04-01")));
            assertThat(segments(i, "2025-03-03", "GL-CA")).isEqualTo(1);
            // A new week after the correction appends again.
            ingest(List.of(row(i, "GL-CA", "2025-W11", 16, 20, "2025-03-18")));
            for (String asOf : List.of("2025-03-09", "2025-03-10", "2025-03-11", "2025-03-20", "2025-04-01",
                    "2026-01-01")) {
                for (PeriodType type : List.of(PeriodType.WEEK, PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR)) {
                    SeriesRequest request = request(i, type, asOf);
                    assertThat(series.seriesUncached(request, true).agencies()).as(a + " " + type + " as of " + asOf)
                            .isEqualTo(series.seriesUncached(request, false).agencies());
                }
            }
            // Before the correction the first value holds, after it the corrected one (10/20 vs 15/20).
            assertThat(gl("GL-CA", i, "2025-03-20")).isEqualByComparingTo("50");
            assertThat(gl("GL-CA", i, "2025-04-02")).isEqualByComparingTo("75");
        }
    }

    /** Two uploads adding other agencies to the same pack at the same moment: both land, nothing lost. */
    @Test
    void uploadsAddingToTheSamePackAtOnceBothLand() throws Exception {
        Indicator i = fx.indicator("APPEND_CONCURRENT", Unit.COUNT, Direction.HIGHER_BETTER, Aggregation.SUM);
        assertThat(ObservationPack.block(id("GL-CA"))).as("same pack row").isEqualTo(ObservationPack.block(id("GL-SYT")));
        for (int round = 0; round < 5; round++) {
            String week = "2025-W" + (20 + round);
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Void>> uploads = new ArrayList<>();
            for (String agency : List.of("GL-CA", "GL-SYT")) {
                uploads.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    ingest(List.of(row(i, agency, week, agency.equals("GL-CA") ? 5 : 7, 10, "2025-06-30")));
                }));
            }
            for (CompletableFuture<Void> f : uploads) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        cache.invalidate(i.getCode());
        SeriesRequest request = new SeriesRequest(i.getCode(), List.of("GL-UBND"), true, PeriodType.WEEK, "2025-W20",
                "2025-W24", LocalDate.parse("2025-07-01"));
        Series packed = series.seriesUncached(request, true);
        assertThat(packed.agencies()).isEqualTo(series.seriesUncached(request, false).agencies());
        assertThat(packed.agencies().get(0).points()).allSatisfy(p -> assertThat(p.value()).isEqualByComparingTo("120"));
    }

    /** JPA writers (CSV importer, weekly review) update packs once per transaction, not per observation. */
    @Test
    void jpaWritesUpdateThePacksOncePerTransaction() {
        Indicator i = fx.indicator("APPEND_JPA", Unit.COUNT, Direction.HIGHER_BETTER, Aggregation.SUM);
        long ten = sql.during(() -> jpaWrite(i, 2026, 10));
        long thirty = sql.during(() -> jpaWrite(i, 2027, 30));
        // 20 more observations cost their own INSERTs only (were + 2 pack statements each): the packs
        // of a transaction are one upsert however many observations it wrote.
        assertThat(thirty - ten).isLessThanOrEqualTo(20);
        cache.invalidate(i.getCode());
        for (String asOf : List.of("2026-01-01", "2030-01-01")) {
            SeriesRequest request = new SeriesRequest(i.getCode(), List.of("GL-UBND"), true, PeriodType.YEAR, "2026",
                    "2027", LocalDate.parse(asOf));
            assertThat(series.seriesUncached(request, true).agencies())
                    .isEqualTo(series.seriesUncached(request, false).agencies());
        }
        assertThat(series.seriesUncached(new SeriesRequest(i.getCode(), List.of("GL-CA"), false, PeriodType.YEAR,
                "2027", "2027", LocalDate.parse("2030-01-01")), true).agencies().get(0).points().get(0).value())
                .isEqualByComparingTo("30");
    }

    /** One transaction saving {@code n} weekly observations of GL-CA in {@code year} through JPA. */
    private void jpaWrite(Indicator indicator, int year, int n) {
        tx.executeWithoutResult(s -> {
            Agency agency = agencies.findByCode("GL-CA").orElseThrow();
            for (int w = 1; w <= n; w++) {
                Observation o = new Observation(indicators.getReferenceById(indicator.getId()), agency,
                        Period.week(year, w).orElseThrow());
                o.record(BigDecimal.ONE, null, null, LocalDate.of(year, 12, 31), "test", null, "test");
                observations.save(o);
            }
        });
    }

    private BigDecimal gl(String agency, Indicator i, String asOf) {
        cache.invalidate(i.getCode());
        return series.seriesUncached(new SeriesRequest(i.getCode(), List.of(agency), false, PeriodType.WEEK, "2025-W10",
                "2025-W10", LocalDate.parse(asOf)), true).agencies().get(0).points().get(0).value();
    }

    private long id(String agency) {
        return agencies.findByCode(agency).orElseThrow().getId();
    }

    /** Segments in the pack of the week starting on {@code start} holding the agency. */
    private int segments(Indicator i, String start, String agency) {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM observation_pack WHERE indicator_id = ? AND"
                + " period_type = 'WEEK' AND period_start = ? AND agency_block = ?", byte[].class, i.getId(),
                java.sql.Date.valueOf(start), ObservationPack.block(id(agency)));
        int segments = 0;
        for (int pos = 0; pos < payload.length; segments++) {
            assertThat(payload[pos]).isEqualTo((byte) ObservationPack.VERSION);
            int length = 0;
            int shift = 0;
            int b;
            pos++;
            do {
                b = payload[pos++] & 0xFF;
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            pos += length;
        }
        return segments;
    }

    private static SeriesRequest request(Indicator i, PeriodType type, String asOf) {
        String from = switch (type) {
            case WEEK -> "2025-W09";
            case MONTH -> "2025-02";
            case QUARTER -> "2025-Q1";
            default -> "2025";
        };
        String to = switch (type) {
            case WEEK -> "2025-W12";
            case MONTH -> "2025-04";
            case QUARTER -> "2025-Q2";
            default -> "2025";
        };
        List<String> agencies = new ArrayList<>(CHILDREN);
        agencies.add("GL-UBND");
        return new SeriesRequest(i.getCode(), agencies, true, type, from, to, LocalDate.parse(asOf));
    }

    private void ingest(List<Map<String, Object>> rows) {
        TestTokens.asAdmin(tester).document(RECORD).variable("input", rows).execute()
                .path("recordObservations.errors").entityList(Object.class).hasSize(0);
        rows.forEach(r -> cache.invalidate((String) r.get("indicator")));
    }

    private static Map<String, Object> row(Indicator i, String agency, String period, double numerator,
            double denominator, String asOf) {
        Map<String, Object> m = new HashMap<>();
        m.put("indicator", i.getCode());
        m.put("agency", agency);
        m.put("period", period);
        m.put("value", Math.round(numerator * 10000 / denominator) / 100.0);
        m.put("numerator", numerator);
        m.put("denominator", denominator);
        m.put("asOf", asOf);
        m.put("source", "append test");
        return m;
    }
}
