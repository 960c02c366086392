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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.support.TestTokens;

/**
 * Series read from observation_pack must equal series read from the observation rows: every
 * aggregation, every series period type, agencies rolled up the tree, at as-of dates before,
 * between and after revisions, with rows written by the ingest path (GraphQL), re-ingested
 * (upserts and unchanged rows) and written through JPA (days recorded before the indicator took
 * weeks, a month figure), across a year boundary.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationPackTest {

    private static final String RECORD = """
            mutation($input: [ObservationInput!]!) { recordObservations(input: $input) {
              summary { rows created updated unchanged } errors { code field message } } }""";
    private static final List<String> AGENCIES = List.of("GL", "GL-UBND", "GL-CA");
    private static final List<String> APPEND_AGENCIES = List.of("GL-CA", "GL-SYT", "GL-LOPANG", "GL-UBND");
    private static final List<String> AS_OF = List.of("2024-12-20", "2025-01-05", "2025-01-10", "2025-01-14",
            "2025-02-15", "2025-03-01", "2025-03-02", "2026-01-01");
    private static final Map<PeriodType, String[]> RANGES = Map.of(
            PeriodType.DAY, new String[] {"2024-12-28", "2025-01-06"},
            PeriodType.WEEK, new String[] {"2024-W50", "2025-W08"},
            PeriodType.MONTH, new String[] {"2024-12", "2025-03"},
            PeriodType.QUARTER, new String[] {"2024-Q4", "2025-Q1"},
            PeriodType.YEAR, new String[] {"2024", "2025"});

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
    ObservationPackBackfill backfill;
    @Autowired
    SqlStatements sql;
    @LocalServerPort
    int port;

    SeriesFixtures fx;
    final List<Indicator> all = new ArrayList<>();

    @BeforeAll
    void createFixtures() {
        fx = new SeriesFixtures(indicators, observations, revisions, targets, agencies, tx, jdbc, cache);
        fx.removeAll();
        for (Aggregation a : Aggregation.values()) {
            Indicator i = fx.indicator("PACK_" + a.name(), a == Aggregation.RATIO ? Unit.PERCENT : Unit.COUNT,
                    Direction.HIGHER_BETTER, a);
            all.add(i);
            String code = i.getCode();
            // Recorded by day while the indicator took days (JPA writer), then it switched to weeks.
            jdbc.update("UPDATE indicator SET period_type = 'DAY' WHERE id = ?", i.getId());
            fx.observe(i, "GL-CA", "2024-12-31", 2, 4);
            fx.observe(i, "GL-CA", "2025-01-02", 3, 5);
            jdbc.update("UPDATE indicator SET period_type = 'WEEK' WHERE id = ?", i.getId());
            // A coarser figure written by JPA: the month wins over weeks of that month for GL-SYT.
            fx.observe(i, "GL-SYT", "2025-01", 40, 50);
            List<Map<String, Object>> rows = new ArrayList<>();
            String[] weeks = {"2024-W51", "2024-W52", "2025-W01", "2025-W02", "2025-W03", "2025-W05", "2025-W06"};
            for (int w = 0; w < weeks.length; w++) {
                Period week = Period.parse(weeks[w]).orElseThrow();
                String asOf = week.end().plusDays(2).toString();
                rows.add(row(code, "GL-CA", weeks[w], 10 + w, 20 + w, asOf));
                if (w % 2 == 0) {
                    rows.add(row(code, "GL-SYT", weeks[w], 3 + w, 9 + w, asOf));
                }
                if (w == 3) {
                    rows.add(row(code, "GL-UBND", weeks[w], 50, 60, asOf)); // its own figure wins over the children's
                }
            }
            ingest(rows);
            // Re-ingest: two corrections recorded later (revisions), one unchanged row, one new row.
            ingest(List.of(row(code, "GL-CA", "2025-W01", 11, 30, "2025-03-01"),
                    row(code, "GL-SYT", "2024-W51", 1, 2, "2025-01-10"),
                    row(code, "GL-CA", "2025-W02", 13, 23, "2025-01-14"),
                    row(code, "GL-LOPANG", "2025-W03", 7, 8, "2025-01-20")));
            // A JPA correction of a JPA row, and of an ingested row.
            fx.observe(i, "GL-SYT", "2025-01", BigDecimal.valueOf(75), BigDecimal.valueOf(45), BigDecimal.valueOf(60),
                    LocalDate.of(2025, 2, 15));
            fx.observe(i, "GL-CA", "2025-W05", BigDecimal.valueOf(60), BigDecimal.valueOf(12), BigDecimal.valueOf(20),
                    LocalDate.of(2025, 2, 20));
        }
    }

    @AfterAll
    void removeFixtures() {
        fx.removeAll();
    }

    @Test
    void packsGiveWhatTheObservationRowsGive() {
        int values = comparePackAndRaw();
        assertThat(values).as("non-null values compared").isGreaterThan(1000);
    }

    @Test
    void theBackfillMigrationBuildsTheSamePacksAsTheWriters() {
        String ids = "SELECT id FROM indicator WHERE code LIKE '" + SeriesFixtures.PREFIX + "PACK\\_%'";
        Map<String, List<ObservationPack.Slot>> maintained = payloads(ids);
        assertThat(maintained).hasSizeGreaterThan(30);
        jdbc.update("DELETE FROM observation_pack WHERE indicator_id IN (" + ids + ")");
        // Without packs the pack read finds nothing: the comparison above really read the packs.
        Indicator sum = indicators.findByCode(SeriesFixtures.PREFIX + "PACK_SUM").orElseThrow();
        assertThat(series.seriesUncached(request(sum, PeriodType.WEEK, "2026-01-01"), true).agencies())
                .allSatisfy(s -> assertThat(s.points()).allSatisfy(p -> assertThat(p.value()).isNull()));
        tx.executeWithoutResult(s -> jdbc.execute((ConnectionCallback<Object>) c -> {
            for (Indicator i : all) {
                try {
                    ObservationPackBackfill.packIndicator(c, i.getId());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }));
        assertThat(payloads(ids)).isEqualTo(maintained);
        assertThat(backfill.getVersion().getVersion()).isEqualTo("92");
    }

    @Test
    void aPackedSeriesIsOneStatementForTheObservationsWithoutRevisionsAfterItsDate() {
        Indicator sum = indicators.findByCode(SeriesFixtures.PREFIX + "PACK_SUM").orElseThrow();
        series.seriesUncached(request(sum, PeriodType.WEEK, "2026-01-01"), true); // tree and indicator loaded once
        long packed = sql.during(() -> series.seriesUncached(request(sum, PeriodType.WEEK, "2026-01-01"), true));
        long raw = sql.during(() -> series.seriesUncached(request(sum, PeriodType.WEEK, "2026-01-01"), false));
        // tree stamp, indicator, packs, targets; the raw read adds the revision query.
        assertThat(packed).isLessThanOrEqualTo(4).isLessThan(raw);
        // As of a date before the corrections: one more statement for the revised slots' earlier values.
        long past = sql.during(() -> series.seriesUncached(request(sum, PeriodType.WEEK, "2025-01-12"), true));
        assertThat(past).isEqualTo(packed + 1);
    }

    /**
     * A CSV upload larger than one write batch (5,000 rows) writes packs twice in one transaction,
     * the second time into packs the first created: on MariaDB this once waited on its own locks.
     */
    @Test
    void aCsvUploadOfSeveralWriteBatchesKeepsThePacksRight() {
        Indicator daily = fx.indicator("PACK_CSV", Unit.COUNT, Direction.HIGHER_BETTER, Aggregation.SUM);
        jdbc.update("UPDATE indicator SET period_type = 'DAY' WHERE id = ?", daily.getId());
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.ADMIN).build();
        for (int round = 0; round < 2; round++) {
            StringBuilder csv = new StringBuilder("indicator_code,scope,period,value,as_of\n");
            for (String agency : List.of("GL-CA", "GL-SYT")) {
                for (int d = 0; d < 2700; d++) {
                    LocalDate day = LocalDate.of(2018, 1, 1).plusDays(d);
                    csv.append(daily.getCode()).append(',').append(agency).append(',').append(day).append(',')
                            .append(d % 7 + round).append(',').append(day.plusDays(1 + 400 * round)).append('\n');
                }
            }
            Map<String, Object> result = http.post().uri("/api/observations").contentType(MediaType.parseMediaType("text/csv"))
                    .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).retrieve()
                    .body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { });
            assertThat(result).containsEntry(round == 0 ? "created" : "updated", 5400);
        }
        cache.invalidate(daily.getCode());
        for (String asOf : List.of("2020-06-01", "2024-05-01", "2030-01-01")) {
            for (PeriodType type : List.of(PeriodType.YEAR, PeriodType.MONTH)) {
                SeriesRequest request = new SeriesRequest(daily.getCode(), List.of("GL-UBND"), true, type,
                        type == PeriodType.YEAR ? "2018" : "2023-10", type == PeriodType.YEAR ? "2025" : "2024-06",
                        LocalDate.parse(asOf));
                Series raw = series.seriesUncached(request, false);
                assertThat(series.seriesUncached(request, true).agencies()).as(type + " as of " + asOf)
                        .isEqualTo(raw.agencies());
                if (!asOf.startsWith("2020")) { // in 2020 nothing of 2023-2024 was known yet
                    assertThat(raw.agencies().get(0).points()).anySatisfy(p -> assertThat(p.value()).isNotNull());
                }
            }
        }
    }

    // The append path (V91): new observations are appended to a period's pack as segments without
    // reading it, a correction rewrites it as one segment, uploads adding to the same pack at the
    // same moment both land, and JPA writers update packs once per transaction.

    @Test
    void appendedSegmentsAndACorrectionGiveTheRawAnswerAtEveryDate() {
        for (Aggregation a : Aggregation.values()) {
            Indicator i = fx.indicator("APPEND_" + a.name(), a == Aggregation.RATIO ? Unit.PERCENT : Unit.COUNT,
                    Direction.HIGHER_BETTER, a);
            // Three uploads into the same week's pack: each appends a segment.
            ingest(List.of(row(i.getCode(), "GL-CA", "2025-W10", 10, 20, "2025-03-10")));
            ingest(List.of(row(i.getCode(), "GL-SYT", "2025-W10", 3, 9, "2025-03-11"), row(i.getCode(), "GL-SYT", "2025-W11", 4, 9,
                    "2025-03-18")));
            ingest(List.of(row(i.getCode(), "GL-LOPANG", "2025-W10", 7, 8, "2025-03-12")));
            assertThat(segments(i, "2025-03-03", "GL-CA")).isEqualTo(3);
            // A correction of GL-CA recorded later: the pack is read, rewritten as one segment.
            ingest(List.of(row(i.getCode(), "GL-CA", "2025-W10", 15, 20, "2025-04-01")));
            assertThat(segments(i, "2025-03-03", "GL-CA")).isEqualTo(1);
            // A new week after the correction appends again.
            ingest(List.of(row(i.getCode(), "GL-CA", "2025-W11", 16, 20, "2025-03-18")));
            for (String asOf : List.of("2025-03-09", "2025-03-10", "2025-03-11", "2025-03-20", "2025-04-01",
                    "2026-01-01")) {
                for (PeriodType type : List.of(PeriodType.WEEK, PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR)) {
                    SeriesRequest request = appendRequest(i, type, asOf);
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
                    ingest(List.of(row(i.getCode(), agency, week, agency.equals("GL-CA") ? 5 : 7, 10, "2025-06-30")));
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

    private static SeriesRequest appendRequest(Indicator i, PeriodType type, String asOf) {
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
        return new SeriesRequest(i.getCode(), APPEND_AGENCIES, true, type, from, to, LocalDate.parse(asOf));
    }

    private int comparePackAndRaw() {
        int compared = 0;
        for (Indicator i : all) {
            for (PeriodType type : PeriodType.values()) {
                if (type == PeriodType.MULTI_YEAR) {
                    continue;
                }
                for (String asOf : AS_OF) {
                    SeriesRequest request = request(i, type, asOf);
                    Series packed = series.seriesUncached(request, true);
                    Series raw = series.seriesUncached(request, false);
                    assertThat(packed.agencies()).as(i.getCode() + " " + type + " as of " + asOf)
                            .isEqualTo(raw.agencies());
                    compared += (int) raw.agencies().stream().flatMap(s -> s.points().stream())
                            .filter(p -> p.value() != null).count();
                }
            }
        }
        return compared;
    }

    private static SeriesRequest request(Indicator i, PeriodType type, String asOf) {
        String[] range = RANGES.get(type);
        return new SeriesRequest(i.getCode(), AGENCIES, true, type, range[0], range[1], LocalDate.parse(asOf));
    }

    /** Decoded packs: a pack maintained by appends holds several segments, the backfill writes one. */
    private Map<String, List<ObservationPack.Slot>> payloads(String ids) {
        Map<String, List<ObservationPack.Slot>> result = new HashMap<>();
        jdbc.query("SELECT indicator_id, period_type, period_start, agency_block, payload FROM observation_pack"
                + " WHERE indicator_id IN (" + ids + ")", rs -> {
                    PeriodType type = PeriodType.valueOf(rs.getString(2));
                    LocalDate start = rs.getObject(3, LocalDate.class);
                    result.put(rs.getLong(1) + "|" + type + "|" + start + "|" + rs.getLong(4), java.util.Arrays.asList(
                            ObservationPack.decode(ObservationPack.period(type, start), rs.getBytes(5))));
                });
        return result;
    }

    private void ingest(List<Map<String, Object>> rows) {
        TestTokens.asAdmin(tester).document(RECORD).variable("input", rows).execute()
                .path("recordObservations.errors").entityList(Object.class).hasSize(0);
        rows.forEach(r -> cache.invalidate((String) r.get("indicator")));
    }

    private static Map<String, Object> row(String indicator, String agency, String period, double numerator,
            double denominator, String asOf) {
        Map<String, Object> m = new HashMap<>();
        m.put("indicator", indicator);
        m.put("agency", agency);
        m.put("period", period);
        m.put("value", Math.round(numerator * 10000 / denominator) / 100.0);
        m.put("numerator", numerator);
        m.put("denominator", denominator);
        m.put("asOf", asOf);
        m.put("source", "pack test");
        return m;
    }
}
