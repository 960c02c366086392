package vn.tracker.indicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyService;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.PageRequest;

@Controller
class IndicatorGraphQlController {

    private final IndicatorService indicators;
    private final AgencyService agencies;

    IndicatorGraphQlController(IndicatorService indicators, AgencyService agencies) {
        this.indicators = indicators;
        this.agencies = agencies;
    }

    @QueryMapping
    Indicator indicator(@Argument String code) {
        return indicators.byCode(code);
    }

    @QueryMapping
    Connection<Indicator> indicators(@Argument String search, @Argument Integer first, @Argument String after) {
        return indicators.list(search, PageRequest.of(first, after));
    }

    @BatchMapping
    Map<Indicator, List<Target>> targets(List<Indicator> batch) {
        Map<Long, List<Target>> byIndicator = indicators.targetsOf(batch.stream().map(Indicator::getId).toList());
        Map<Indicator, List<Target>> result = new LinkedHashMap<>();
        batch.forEach(i -> result.put(i, byIndicator.getOrDefault(i.getId(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Target", field = "agency")
    Map<Target, Agency> targetAgency(List<Target> batch) {
        Map<Long, Agency> loaded = agencies.byIds(Batches.referencedIds(batch, Target::getAgency, Agency::getId));
        return Batches.mapReferences(batch, Target::getAgency, Agency::getId, loaded);
    }

    @SchemaMapping(typeName = "Target", field = "source")
    String targetSource(Target target) {
        return target.getSourceText();
    }
}
