package vn.tracker.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyService;

@Controller
class SeriesGraphQlController {

    private final SeriesService series;
    private final AgencyService agencies;

    SeriesGraphQlController(SeriesService series, AgencyService agencies) {
        this.series = series;
        this.agencies = agencies;
    }

    @QueryMapping
    Series series(@Argument String indicator, @Argument List<String> agencies, @Argument Boolean includeChildren,
            @Argument PeriodType periodType, @Argument String from, @Argument String to, @Argument LocalDate asOf) {
        return series.series(new SeriesRequest(indicator, agencies, Boolean.TRUE.equals(includeChildren), periodType,
                from, to, asOf));
    }

    @QueryMapping
    SeriesService.Rank rank(@Argument String indicator, @Argument String period, @Argument String agency,
            @Argument LocalDate asOf) {
        return series.rank(indicator, period, agency, asOf);
    }

    @SchemaMapping(typeName = "IndicatorSeries", field = "periods")
    List<String> periods(Series s) {
        return s.periods().stream().map(Period::code).toList();
    }

    @SchemaMapping(typeName = "AgencySeries", field = "agencyCode")
    String agencyCode(AgencySeries s) {
        return s.agency().code();
    }

    @BatchMapping(typeName = "AgencySeries", field = "agency")
    Map<AgencySeries, Agency> agency(List<AgencySeries> batch) {
        Map<Long, Agency> loaded = agencies.byIds(batch.stream().map(s -> s.agency().id()).distinct().toList());
        Map<AgencySeries, Agency> result = new java.util.IdentityHashMap<>();
        batch.forEach(s -> result.put(s, loaded.get(s.agency().id())));
        return result;
    }

    @SchemaMapping(typeName = "SeriesPoint", field = "period")
    String period(SeriesPoint p) {
        return p.period().code();
    }

    @SchemaMapping(typeName = "SeriesPoint", field = "start")
    LocalDate start(SeriesPoint p) {
        return p.period().start();
    }

    @SchemaMapping(typeName = "SeriesPoint", field = "end")
    LocalDate end(SeriesPoint p) {
        return p.period().end();
    }

    @SchemaMapping(typeName = "IndicatorRank", field = "text")
    String rankText(SeriesService.Rank r) {
        return r.rank() == null ? null : r.rank() + "/" + r.of();
    }
}
