package vn.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import vn.tracker.support.IntegrationTest;

/**
 * Batch-mapped fields (a DataLoader load and nothing else) reach graphql-java unwrapped and marked
 * trivial; fields that run controller code keep Spring's context propagation. Fails if Spring for
 * GraphQL renames its batch mapping fetcher, so the optimisation cannot silently stop applying.
 */
@IntegrationTest
class BatchLoadFieldsTest {

    @Autowired
    GraphQlSource source;

    @Test
    void batchMappedFieldsAreTrivialLoads() {
        for (String field : new String[] {"leadAgency", "coordinatingAgencies", "directive", "latestAnnotation"}) {
            DataFetcher<?> fetcher = fetcher("Task", field);
            assertThat(fetcher).as(field).isInstanceOf(BatchLoadFields.Load.class).isInstanceOf(TrivialDataFetcher.class);
            assertThat(BatchLoadFields.isBatchMapping(((BatchLoadFields.Load) fetcher).delegate())).isTrue();
        }
    }

    @Test
    void healthIsAPlainTrivialLoadToo() {
        // task.TaskHealthField: reads asOf and loads, without Spring's handler-method path.
        assertThat(fetcher("Task", "health")).isInstanceOf(TrivialDataFetcher.class)
                .isNotInstanceOf(SelfDescribingDataFetcher.class);
    }

    @Test
    void controllerFieldsKeepTheirContext() {
        // riskReasons takes an argument and a DataLoader: controller code runs per field.
        assertThat(fetcher("Task", "riskReasons")).isNotInstanceOf(TrivialDataFetcher.class);
        assertThat(fetcher("Query", "tasks")).isNotInstanceOf(TrivialDataFetcher.class);
    }

    private DataFetcher<?> fetcher(String type, String field) {
        GraphQLSchema schema = source.schema();
        GraphQLObjectType parent = schema.getObjectType(type);
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(parent, parent.getFieldDefinition(field)),
                parent.getFieldDefinition(field));
    }
}
