package vn.tracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.net.ServerSocket;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * A database that cannot be reached answers UNAVAILABLE (retryable), not INTERNAL. The failure is
 * real: a Hikari pool pointed at a port nothing listens on, asked for a transaction the way the
 * product's services are, resolved by the product's error mapping inside a real graphql-java
 * execution. Its own small schema and pool, so the shared test database is never disturbed.
 */
class DatabaseUnavailableErrorTest {

    private static HikariDataSource unreachable;

    @BeforeAll
    static void pointAtNothing() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        unreachable = new HikariDataSource();
        unreachable.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + port + "/tracker");
        unreachable.setConnectionTimeout(250);
        unreachable.setInitializationFailTimeout(-1);
    }

    @AfterAll
    static void close() {
        unreachable.close();
    }

    @Test
    void aQueryOnAnUnreachableDatabaseIsUnavailableAndRetryable() {
        GraphQLError error = onlyError(execute("{ tasks }"));

        assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE").containsEntry("retryable", true);
        assertThat(error.getMessage()).contains("thử lại").doesNotContain("jdbc").doesNotContain("Exception");
    }

    @Test
    void aMutationThatCouldNotBeginMayBeSentAgain() {
        GraphQLError error = onlyError(execute("mutation { save }"));

        assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE").containsEntry("retryable", true);
    }

    @Test
    void aMutationWhoseConnectionBrokeIsUnavailableButNotRetryable() {
        // Its commit may or may not have happened: sending it again could apply it twice.
        GraphQLError error = onlyError(execute("mutation { saveThenLoseConnection }"));

        assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE").containsEntry("retryable", false);
    }

    @Test
    void otherFailuresStayInternal() {
        GraphQLError error = onlyError(execute("{ broken }"));

        assertThat(error.getExtensions()).containsEntry("code", "INTERNAL").doesNotContainKey("retryable");
    }

    private static ExecutionResult execute(String document) {
        DataFetcher<String> transaction = env -> {
            new DataSourceTransactionManager(unreachable).getTransaction(new DefaultTransactionDefinition());
            return "never";
        };
        DataFetcher<String> lostConnection = env -> {
            throw new DataAccessResourceFailureException("connection lost during commit",
                    new SQLNonTransientConnectionException("Connection reset", "08S01"));
        };
        DataFetcher<String> broken = env -> {
            throw new IllegalStateException("a bug");
        };
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(
                "type Query { tasks: [String] broken: String } type Mutation { save: String saveThenLoseConnection: String }"),
                RuntimeWiring.newRuntimeWiring()
                        .type("Query", t -> t.dataFetcher("tasks", transaction).dataFetcher("broken", broken))
                        .type("Mutation", t -> t.dataFetcher("save", transaction)
                                .dataFetcher("saveThenLoseConnection", lostConnection))
                        .build());
        GraphQL graphQl = GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(
                        DataFetcherExceptionResolver.createExceptionHandler(List.of(new GraphQlErrors())))
                .build();
        return graphQl.execute(document);
    }

    private static GraphQLError onlyError(ExecutionResult result) {
        assertThat(result.getErrors()).hasSize(1);
        return result.getErrors().get(0);
    }
}
