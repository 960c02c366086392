package vn.tracker.security;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses queries nested deeper than {@code tracker.security.max-query-depth} before they run
 * (deeply nested selections are a classic way to make one request cost a lot), with code
 * LIMIT_EXCEEDED. The default leaves room for GraphiQL's introspection query.
 */
@Configuration(proxyBeanMethods = false)
class QueryDepthLimitConfiguration {

    @Bean
    MaxQueryDepthInstrumentation queryDepthLimit(@Value("${tracker.security.max-query-depth:20}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int max) {
                return new LimitExceeded("Truy vấn lồng quá sâu (" + depth + " > " + max + ") / query depth " + depth
                        + " exceeds the limit " + max);
            }
        };
    }

    /** An aborted execution that carries extensions.code like every other error of the API. */
    static final class LimitExceeded extends AbortExecutionException {

        LimitExceeded(String message) {
            super(message);
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", "LIMIT_EXCEEDED");
        }
    }
}
