package vn.tracker.api;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Refuses query documents longer than the limit before they are even parsed (or looked up in a cache). */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class QueryLengthInterceptor implements WebGraphQlInterceptor {

    private final ApiLimits limits;

    QueryLengthInterceptor(ApiLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String document = request.getDocument();
        if (document != null && document.length() > limits.maxQueryLength()) {
            ExecutionResult result = ExecutionResultImpl.newExecutionResult()
                    .addError(new LimitExceeded("queryLength", limits.maxQueryLength(), document.length(),
                            "Truy vấn quá dài", "query document too long"))
                    .build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
        }
        return chain.next(request);
    }
}
