package vn.tracker.api;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

/**
 * Fields of {@code @BatchMapping} methods only hand their parent to a DataLoader
 * ({@code env.getDataLoader(key).load(source)}); the batch loader itself runs later with the
 * request's context restored once per batch by Spring's batch loader registry. Spring for GraphQL
 * still wrapped each such field in its context propagation (capture and restore every registered
 * ThreadLocal around the call) — five fields per task on a task page, a few percent of the
 * request's CPU in a JFR profile. Marked {@link TrivialDataFetcher}, they are left unwrapped; fields that run
 * controller code ({@code @SchemaMapping}, also those taking a DataLoader) keep the wrapper.
 */
@Configuration(proxyBeanMethods = false)
class BatchLoadFields {

    /** Spring for GraphQL's fetcher for a {@code @BatchMapping} method (a private class: matched by name). */
    static final String BATCH_MAPPING_FETCHER = "BatchMappingDataFetcher";

    @Bean
    GraphQlSourceBuilderCustomizer batchLoadFieldsCustomizer() {
        return builder -> builder.typeVisitors(List.of(new Visitor()));
    }

    static boolean isBatchMapping(DataFetcher<?> fetcher) {
        return fetcher instanceof SelfDescribingDataFetcher<?> described && described.usesDataLoader()
                && fetcher.getClass().getSimpleName().equals(BATCH_MAPPING_FETCHER);
    }

    /** Runs before Spring's context decorator (user visitors come first), so that one sees a trivial fetcher. */
    static final class Visitor extends GraphQLTypeVisitorStub {

        @Override
        public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                TraverserContext<GraphQLSchemaElement> context) {
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            if (registry != null && context.getParentNode() instanceof GraphQLObjectType parent) {
                DataFetcher<?> fetcher = registry.getDataFetcher(parent, field);
                if (isBatchMapping(fetcher)) {
                    registry.dataFetcher(FieldCoordinates.coordinates(parent, field), new Load(fetcher));
                }
            }
            return TraversalControl.CONTINUE;
        }
    }

    /** The batch mapping's own fetcher, marked trivial. */
    record Load(DataFetcher<?> delegate) implements TrivialDataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return delegate.get(environment);
        }
    }
}
