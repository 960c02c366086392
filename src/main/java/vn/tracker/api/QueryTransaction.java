package vn.tracker.api;

import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs a GraphQL query operation in one read-only transaction. Without it every batch loader
 * and service call of a query opened its own transaction: a 50-task page made seven, each with
 * {@code set autocommit=0 … COMMIT … set autocommit=1} around its SELECT, four round trips per
 * statement. In one transaction the services join it (they are all
 * {@code @Transactional(readOnly = true)} on the query path), the page reads one consistent
 * snapshot, and entities loaded by one loader are not loaded again by the next.
 *
 * <p>Mutations keep their own transactions (they run with graphql-java's default strategy). The
 * transaction ends on the request thread as soon as the strategy returns, which with synchronous
 * data fetchers and batch loaders is after the whole operation executed; anything still pending
 * then (asynchronous fetchers) runs in its own transactions, as before. If no transaction can be
 * started (database down) the operation runs without one and the fields fail one by one with
 * their own errors. Rollback-only (a field threw in a service) ends in a rollback: a read has
 * nothing to commit, and a failed field must not fail the others.
 */
@Configuration(proxyBeanMethods = false)
class QueryTransaction {

    private static final Log log = LogFactory.getLog(QueryTransaction.class);

    @Bean
    GraphQlSourceBuilderCustomizer queryTransactionCustomizer(PlatformTransactionManager transactions,
            ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers) {
        return builder -> builder.configureGraphQl(graphQl -> {
            // The same exception handler Spring for GraphQL gives the default strategies (Boot
            // registers every resolver, controller advice included, as a bean).
            DataFetcherExceptionHandler handler = DataFetcherExceptionResolver
                    .createExceptionHandler(exceptionResolvers.orderedStream().toList());
            graphQl.queryExecutionStrategy(new Strategy(handler, transactions));
        });
    }

    static final class Strategy extends AsyncExecutionStrategy {

        private static final DefaultTransactionDefinition READ_ONLY = readOnly();

        private final PlatformTransactionManager transactions;

        Strategy(DataFetcherExceptionHandler handler, PlatformTransactionManager transactions) {
            super(handler);
            this.transactions = transactions;
        }

        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
            TransactionStatus status = begin();
            try {
                return super.execute(context, parameters);
            } finally {
                if (status != null) {
                    end(status);
                }
            }
        }

        private TransactionStatus begin() {
            try {
                return transactions.getTransaction(READ_ONLY);
            } catch (TransactionException e) {
                log.debug("query runs without a shared transaction: " + e.getMessage());
                return null;
            }
        }

        private void end(TransactionStatus status) {
            try {
                if (status.isRollbackOnly()) {
                    transactions.rollback(status);
                } else {
                    transactions.commit(status);
                }
            } catch (TransactionException e) {
                // The answer is already computed; a failed COMMIT of a read changes nothing.
                log.debug("ending the query transaction failed: " + e.getMessage());
            }
        }

        private static DefaultTransactionDefinition readOnly() {
            DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
            definition.setReadOnly(true);
            definition.setName("graphql query");
            return definition;
        }
    }
}
