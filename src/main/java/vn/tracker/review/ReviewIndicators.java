package vn.tracker.review;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.indicator.Indicator;
import vn.tracker.indicator.IndicatorRepository;
import vn.tracker.indicator.Observation;
import vn.tracker.indicator.ObservationRepository;
import vn.tracker.indicator.ObservationRevision;
import vn.tracker.indicator.ObservationRevisionRepository;
import vn.tracker.indicator.Period;
import vn.tracker.indicator.PeriodType;
import vn.tracker.indicator.SeriesCache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.tracker.task.TaskHealth;

/**
 * Records a closed review's counts as observations of the built-in indicators TASKS_OVERDUE,
 * TASKS_AT_RISK and TASKS_UNEXPLAINED (seeded by V21), for each lead agency and each province, in the
 * review's ISO week. Agencies that were on the previous review and are clear now get a 0, so the
 * series shows the drop instead of a gap.
 */
@Component
class ReviewIndicators {

    static final String OVERDUE = "TASKS_OVERDUE";
    static final String AT_RISK = "TASKS_AT_RISK";
    static final String UNEXPLAINED = "TASKS_UNEXPLAINED";

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final ObservationRevisionRepository revisions;
    private final AgencyRepository agencies;
    private final SeriesCache seriesCache;

    ReviewIndicators(IndicatorRepository indicators, ObservationRepository observations,
            ObservationRevisionRepository revisions, AgencyRepository agencies, SeriesCache seriesCache) {
        this.seriesCache = seriesCache;
        this.indicators = indicators;
        this.observations = observations;
        this.revisions = revisions;
        this.agencies = agencies;
    }

    void record(WeeklyReview review, WeeklyReview previous) {
        Map<String, int[]> byScope = new LinkedHashMap<>();
        for (WeeklyReview.AgencyGroup g : review.groups()) {
            for (WeeklyReview.Item i : g.items()) {
                for (String scope : List.of(i.leadAgencyCode(), i.province())) {
                    int[] c = byScope.computeIfAbsent(scope, k -> new int[3]);
                    c[i.health() == TaskHealth.OVERDUE ? 0 : 1]++;
                    if (!i.explained()) {
                        c[2]++;
                    }
                }
            }
        }
        if (previous != null) {
            previous.groups().forEach(g -> g.items().forEach(i -> {
                byScope.computeIfAbsent(i.leadAgencyCode(), k -> new int[3]);
                byScope.computeIfAbsent(i.province(), k -> new int[3]);
            }));
        }
        agencies.findAll().stream().filter(a -> a.getKind() == vn.tracker.agency.AgencyKind.PROVINCE)
                .forEach(a -> byScope.computeIfAbsent(a.getCode(), k -> new int[3]));
        Map<String, Agency> scopes = new HashMap<>();
        agencies.findByCodeIn(new TreeSet<>(byScope.keySet())).forEach(a -> scopes.put(a.getCode(), a));
        Map<String, Indicator> series = new HashMap<>();
        indicators.findByCodeIn(List.of(OVERDUE, AT_RISK, UNEXPLAINED)).forEach(i -> series.put(i.getCode(), i));
        Period week = Period.containing(review.asOf(), PeriodType.WEEK);
        // Cached series of these indicators must not outlive the new values: drop them after commit.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                series.values().forEach(i -> seriesCache.invalidate(i.getId()));
            }
        });
        byScope.forEach((code, counts) -> {
            Agency agency = scopes.get(code);
            if (agency == null) {
                return; // a province code without an agency row has no series to feed
            }
            put(series.get(OVERDUE), agency, week, counts[0], review);
            put(series.get(AT_RISK), agency, week, counts[1], review);
            put(series.get(UNEXPLAINED), agency, week, counts[2], review);
        });
    }

    private void put(Indicator indicator, Agency agency, Period week, int value, WeeklyReview review) {
        if (indicator == null) {
            return;
        }
        Observation o = observations.findByIndicatorIdAndAgencyIdAndPeriod(indicator.getId(), agency.getId(),
                week.code()).orElse(null);
        if (o == null) {
            o = new Observation(indicator, agency, week);
        } else {
            revisions.save(ObservationRevision.of(o));
        }
        o.record(BigDecimal.valueOf(value), null, null, review.asOf(), "weekly-review:" + review.week(),
                "Giao ban tuần " + review.week() + " / weekly review", review.closedBy());
        observations.save(o);
    }

    static Collection<String> codes() {
        return List.of(OVERDUE, AT_RISK, UNEXPLAINED);
    }
}
