package vn.tracker.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyRepository;

/**
 * Test indicators (codes ZZT6_…) with hand-computed observations on sample agencies under
 * GL-UBND, created and removed around a test class so other tests see the sample data unchanged.
 */
class SeriesFixtures {

    static final String PREFIX = "ZZT6_";

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final ObservationRevisionRepository revisions;
    private final TargetRepository targets;
    private final AgencyRepository agencies;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final SeriesCache cache;

    SeriesFixtures(IndicatorRepository indicators, ObservationRepository observations,
            ObservationRevisionRepository revisions, TargetRepository targets, AgencyRepository agencies,
            TransactionTemplate tx, JdbcTemplate jdbc, SeriesCache cache) {
        this.cache = cache;
        this.indicators = indicators;
        this.observations = observations;
        this.revisions = revisions;
        this.targets = targets;
        this.agencies = agencies;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    Indicator indicator(String suffix, Unit unit, Direction direction, Aggregation aggregation) {
        return tx.execute(s -> {
            Indicator i = new Indicator(PREFIX + suffix, "Chỉ tiêu thử " + suffix, unit, direction, aggregation,
                    PeriodType.WEEK);
            if (unit == Unit.PERCENT) {
                i.setMinValue(BigDecimal.ZERO);
                i.setMaxValue(BigDecimal.valueOf(100));
            }
            return indicators.save(i);
        });
    }

    void observe(Indicator indicator, String agency, String period, double value) {
        observe(indicator, agency, period, BigDecimal.valueOf(value), null, null, LocalDate.of(2025, 1, 1));
    }

    void observe(Indicator indicator, String agency, String period, double numerator, double denominator) {
        observe(indicator, agency, period,
                BigDecimal.valueOf(numerator * 100 / denominator), BigDecimal.valueOf(numerator),
                BigDecimal.valueOf(denominator), LocalDate.of(2025, 1, 1));
    }

    /** Records a value as the importer does: an existing value becomes a revision first. */
    void observe(Indicator indicator, String agencyCode, String periodCode, BigDecimal value, BigDecimal numerator,
            BigDecimal denominator, LocalDate asOf) {
        tx.executeWithoutResult(s -> {
            Agency agency = agencies.findByCode(agencyCode).orElseThrow();
            Period period = Period.parse(periodCode).orElseThrow();
            Observation o = observations.findByIndicatorIdAndAgencyIdAndPeriod(indicator.getId(), agency.getId(),
                    periodCode).orElse(null);
            if (o == null) {
                o = new Observation(indicators.getReferenceById(indicator.getId()), agency, period);
            } else {
                revisions.save(ObservationRevision.of(o));
            }
            o.record(value, numerator, denominator, asOf, "test", null, "test");
            observations.save(o);
        });
        // Written behind the product's back, so tell the cache as an ingest would.
        cache.invalidate(indicator.getCode());
    }

    void target(Indicator indicator, String agencyCode, String period, double value) {
        tx.executeWithoutResult(s -> targets.save(new Target(indicators.getReferenceById(indicator.getId()),
                agencyCode == null ? null : agencies.findByCode(agencyCode).orElseThrow(), period,
                BigDecimal.valueOf(value))));
    }

    /** Removes every ZZT6_ indicator with its observations, revisions and targets. */
    void removeAll() {
        String ids = "SELECT id FROM indicator WHERE code LIKE '" + PREFIX + "%'";
        jdbc.update("DELETE FROM observation_revision WHERE observation_id IN "
                + "(SELECT id FROM observation WHERE indicator_id IN (" + ids + "))");
        jdbc.update("DELETE FROM observation WHERE indicator_id IN (" + ids + ")");
        jdbc.update("DELETE FROM observation_pack WHERE indicator_id IN (" + ids + ")");
        jdbc.update("DELETE FROM target WHERE indicator_id IN (" + ids + ")");
        jdbc.update("DELETE FROM indicator WHERE code LIKE '" + PREFIX + "%'");
    }
}
