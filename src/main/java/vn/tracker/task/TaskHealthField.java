package vn.tracker.task;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import vn.tracker.common.AsOfDates;

/**
 * {@code Task.health(asOf)}: hands the task and its as-of date to {@link TaskHealthLoader}, which
 * evaluates a whole page in one batch. Wired as a plain data fetcher rather than a
 * {@code @SchemaMapping} method: it runs once per task of every list, and Spring's handler-method
 * path (argument resolvers by reflection, capture and restore of every ThreadLocal around the
 * call) was ~5 % of the portal mix's request CPU in a JFR profile for a field that only reads
 * one argument. Marked trivial so Spring leaves it unwrapped, like the batch-mapped fields
 * ({@code api.BatchLoadFields}): the batch loader itself still runs with the request's context.
 */
@Configuration(proxyBeanMethods = false)
class TaskHealthField {

    @Bean
    RuntimeWiringConfigurer taskHealthWiring(AsOfDates asOfDates) {
        return wiring -> wiring.type("Task", type -> type.dataFetcher("health", new Fetcher(asOfDates)));
    }

    record Fetcher(AsOfDates asOfDates) implements TrivialDataFetcher<CompletableFuture<TaskHealth>> {

        @Override
        public CompletableFuture<TaskHealth> get(DataFetchingEnvironment environment) {
            LocalDate asOf = environment.getArgument("asOf");
            DataLoader<TaskHealthLoader.Key, TaskHealth> loader = environment.getDataLoader(TaskHealthLoader.NAME);
            return loader.load(new TaskHealthLoader.Key(environment.getSource(), asOfDates.orToday(asOf)));
        }
    }
}
