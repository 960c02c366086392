package vn.tracker.task;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyService;
import vn.tracker.agency.Person;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.PageRequest;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveService;

@Controller
class TaskGraphQlController {

    private final TaskService tasks;
    private final AgencyService agencies;
    private final DirectiveService directives;
    private final AsOfDates asOfDates;

    private final TaskSearch search;
    private final TaskStatsService stats;

    TaskGraphQlController(TaskService tasks, AgencyService agencies, DirectiveService directives,
            AsOfDates asOfDates, TaskSearch search, TaskStatsService stats) {
        this.search = search;
        this.stats = stats;
        this.tasks = tasks;
        this.agencies = agencies;
        this.directives = directives;
        this.asOfDates = asOfDates;
    }

    @QueryMapping
    Task task(@Argument String code, @Argument String province) {
        return tasks.byCode(code, province);
    }

    @QueryMapping
    Connection<Task> tasks(@Argument TaskFilter filter, @Argument TaskOrder orderBy, @Argument Integer first,
            @Argument String after, @Argument LocalDate asOf, DataFetchingEnvironment env) {
        return search.search(filter, env.getArgument("filter"), orderBy, PageRequest.of(first, after),
                asOfDates.orToday(asOf));
    }

    @QueryMapping
    TaskStats taskStats(@Argument TaskFilter filter, @Argument List<TaskStats.GroupBy> groupBy,
            @Argument LocalDate asOf, DataFetchingEnvironment env) {
        return stats.stats(filter, env.getArgument("filter"), groupBy, asOfDates.orToday(asOf));
    }

    @BatchMapping
    Map<Task, Agency> leadAgency(List<Task> batch) {
        Map<Long, Agency> loaded = agencies.byIds(Batches.referencedIds(batch, Task::getLeadAgency, Agency::getId));
        return Batches.mapReferences(batch, Task::getLeadAgency, Agency::getId, loaded);
    }

    @BatchMapping
    Map<Task, Directive> directive(List<Task> batch) {
        Map<Long, Directive> loaded = directives.byIds(
                Batches.referencedIds(batch, Task::getDirective, Directive::getId));
        return Batches.mapReferences(batch, Task::getDirective, Directive::getId, loaded);
    }

    @BatchMapping
    Map<Task, Task> duplicateOf(List<Task> batch) {
        Map<Long, Task> loaded = tasks.byIds(Batches.referencedIds(batch, Task::getDuplicateOf, Task::getId));
        return Batches.mapReferences(batch, Task::getDuplicateOf, Task::getId, loaded);
    }

    @BatchMapping
    Map<Task, List<Agency>> coordinatingAgencies(List<Task> batch) {
        return perTask(batch, tasks::coordinatorsOf);
    }

    @BatchMapping
    Map<Task, List<Person>> assignees(List<Task> batch) {
        return perTask(batch, tasks::assigneesOf);
    }

    @BatchMapping
    Map<Task, List<Evidence>> evidence(List<Task> batch) {
        return perTask(batch, tasks::evidenceOf);
    }

    private static <T> Map<Task, List<T>> perTask(List<Task> batch,
            Function<List<Long>, Map<Long, List<T>>> loader) {
        Map<Long, List<T>> byTask = loader.apply(batch.stream().map(Task::getId).toList());
        Map<Task, List<T>> result = new LinkedHashMap<>();
        batch.forEach(t -> result.put(t, byTask.getOrDefault(t.getId(), List.of())));
        return result;
    }
}
