package vn.tracker.pilot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyService;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.PageRequest;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveService;
import vn.tracker.directive.Program;

@Controller
class PilotModelGraphQlController {

    private final PilotModelService models;
    private final DirectiveService directives;
    private final AgencyService agencies;

    private final PilotModelPortfolioService portfolio;

    PilotModelGraphQlController(PilotModelService models, DirectiveService directives, AgencyService agencies,
            PilotModelPortfolioService portfolio) {
        this.portfolio = portfolio;
        this.models = models;
        this.directives = directives;
        this.agencies = agencies;
    }

    @QueryMapping
    Connection<PilotModel> pilotModels(@Argument PilotModelFilter filter, @Argument Integer first,
            @Argument String after) {
        return models.list(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    PilotModel pilotModel(@Argument String decision, @Argument int number) {
        return models.byKey(decision, number);
    }

    @QueryMapping
    PilotModelPortfolio pilotModelPortfolio(@Argument String decision, @Argument String province) {
        return portfolio.portfolio(decision, province);
    }

    @BatchMapping
    Map<PilotModel, Directive> decision(List<PilotModel> batch) {
        Map<Long, Directive> loaded = directives.byIds(
                Batches.referencedIds(batch, PilotModel::getDecision, Directive::getId));
        return Batches.mapReferences(batch, PilotModel::getDecision, Directive::getId, loaded);
    }

    @BatchMapping
    Map<PilotModel, List<Directive>> otherDecisions(List<PilotModel> batch) {
        Map<Long, List<Directive>> byModel = models.otherDecisionsOf(batch.stream().map(PilotModel::getId).toList());
        Map<PilotModel, List<Directive>> result = new LinkedHashMap<>();
        batch.forEach(m -> result.put(m, byModel.getOrDefault(m.getId(), List.of())));
        return result;
    }

    @BatchMapping
    Map<PilotModel, Agency> leadAgency(List<PilotModel> batch) {
        Map<Long, Agency> loaded = agencies.byIds(
                Batches.referencedIds(batch, PilotModel::getLeadAgency, Agency::getId));
        return Batches.mapReferences(batch, PilotModel::getLeadAgency, Agency::getId, loaded);
    }

    @BatchMapping
    Map<PilotModel, Program> program(List<PilotModel> batch) {
        Map<Long, Program> all = Batches.indexById(directives.allPrograms(), Program::getId);
        return Batches.mapReferences(batch, PilotModel::getProgram, Program::getId, all);
    }
}
