package vn.tracker.task;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.agency.Agency;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.PageRequest;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveService;
import vn.tracker.pilot.PilotModel;
import vn.tracker.pilot.PilotModelService;

/**
 * Task lists and statistics hanging off directives, agencies and pilot models, and the task's own
 * pilot model and report history. They live in the task package so directive/agency/pilot do not
 * depend on tasks (tasks depend on them).
 */
@Controller
class TaskRelationsGraphQlController {

    private final TaskSearch search;
    private final TaskStatsService stats;
    private final AsOfDates asOfDates;
    private final PilotModelService pilotModels;
    private final TaskHistoryService history;
    private final DirectiveService directives;

    TaskRelationsGraphQlController(TaskSearch search, TaskStatsService stats, AsOfDates asOfDates,
            PilotModelService pilotModels, TaskHistoryService history, DirectiveService directives) {
        this.directives = directives;
        this.search = search;
        this.stats = stats;
        this.asOfDates = asOfDates;
        this.pilotModels = pilotModels;
        this.history = history;
    }

    @SchemaMapping(typeName = "Directive", field = "tasks")
    Connection<Task> directiveTasks(Directive directive, @Argument TaskFilter filter, @Argument TaskOrder orderBy,
            @Argument Integer first, @Argument String after, @Argument LocalDate asOf, DataFetchingEnvironment env) {
        return search.search(TaskFilter.orNone(filter).withDirective(directive.getCode()), env.getArgument("filter"),
                orderBy, PageRequest.of(first, after), asOfDates.orToday(asOf));
    }

    @SchemaMapping(typeName = "Directive", field = "taskStats")
    TaskStats directiveTaskStats(Directive directive, @Argument TaskFilter filter,
            @Argument List<TaskStats.GroupBy> groupBy, @Argument LocalDate asOf, DataFetchingEnvironment env) {
        return stats.stats(TaskFilter.orNone(filter).withDirective(directive.getCode()), env.getArgument("filter"),
                groupBy, asOfDates.orToday(asOf));
    }

    @SchemaMapping(typeName = "Agency", field = "tasks")
    Connection<Task> agencyTasks(Agency agency, @Argument TaskFilter filter, @Argument TaskOrder orderBy,
            @Argument Integer first, @Argument String after, @Argument LocalDate asOf, DataFetchingEnvironment env) {
        return search.search(TaskFilter.orNone(filter).withLeadAgency(agency.getCode()), env.getArgument("filter"),
                orderBy, PageRequest.of(first, after), asOfDates.orToday(asOf));
    }

    @SchemaMapping(typeName = "Agency", field = "taskStats")
    TaskStats agencyTaskStats(Agency agency, @Argument TaskFilter filter, @Argument List<TaskStats.GroupBy> groupBy,
            @Argument LocalDate asOf, DataFetchingEnvironment env) {
        return stats.stats(TaskFilter.orNone(filter).withLeadAgency(agency.getCode()), env.getArgument("filter"),
                groupBy, asOfDates.orToday(asOf));
    }

    @SchemaMapping(typeName = "PilotModel", field = "tasks")
    Connection<Task> pilotModelTasks(PilotModel model, @Argument Integer first, @Argument String after,
            @Argument LocalDate asOf) {
        // The decision is a lazy reference: its id is known without loading, its code is not.
        String decision = directives.byIds(List.of(model.getDecision().getId())).get(model.getDecision().getId())
                .getCode();
        TaskFilter filter = new TaskFilter(null, null, null, null, null, null, null, null,
                List.of(new TaskFilter.PilotModelKey(decision, model.getNumber())),
                null, null, null, null, null);
        return search.search(filter, Map.of(), null, PageRequest.of(first, after), asOfDates.orToday(asOf));
    }

    @BatchMapping
    Map<Task, PilotModel> pilotModel(List<Task> batch) {
        Map<Long, PilotModel> loaded = pilotModels.byIds(
                Batches.referencedIds(batch, Task::getPilotModel, PilotModel::getId));
        return Batches.mapReferences(batch, Task::getPilotModel, PilotModel::getId, loaded);
    }

    @SchemaMapping
    Connection<ProgressReport> progressReports(Task task, @Argument Integer first, @Argument String after) {
        return history.progressReports(task.getId(), PageRequest.of(first, after));
    }
}
