package vn.tracker.ops;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps GraphQL observations at the request level. Spring for GraphQL also observes every
 * non-trivial data fetcher and data loader: a 50-task page with nested fields makes hundreds of
 * timers per request, which costs CPU under load and says little that the per-operation latency
 * and the SQL statement count do not. Turn them on for a diagnosis with
 * {@code tracker.observability.graphql-field-observations=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tracker.observability.graphql-field-observations", havingValue = "false",
        matchIfMissing = true)
class GraphQlFieldObservationFilter {

    @Bean
    ObservationPredicate noGraphQlFieldObservations() {
        return (name, context) -> !name.equals("graphql.datafetcher") && !name.equals("graphql.dataloader");
    }
}
