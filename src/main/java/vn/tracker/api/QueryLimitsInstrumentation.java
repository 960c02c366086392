package vn.tracker.api;

import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Rejects operations over the depth, alias or cost limits before any field executes; the answer
 * says which limit, its maximum and the computed value (extensions.code LIMIT_EXCEEDED).
 */
@Component
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final ApiLimits limits;

    QueryLimitsInstrumentation(ApiLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryMeasure measure = QueryMeasure.of(context.getGraphQLSchema(), context.getDocument(),
                context.getOperationDefinition(), context.getCoercedVariables().toMap());
        List<GraphQLError> errors = new ArrayList<>();
        if (measure.depth > limits.maxDepth()) {
            errors.add(new LimitExceeded("depth", limits.maxDepth(), measure.depth,
                    "Truy vấn lồng quá sâu", "query too deep"));
        }
        if (measure.aliases > limits.maxAliases()) {
            errors.add(new LimitExceeded("aliases", limits.maxAliases(), measure.aliases,
                    "Quá nhiều bí danh (alias)", "too many aliases"));
        }
        if (measure.cost > limits.maxCost()) {
            errors.add(new LimitExceeded("cost", limits.maxCost(), measure.cost,
                    "Truy vấn quá tốn kém, hãy giảm first hoặc số trường", "query too costly, lower first or the fields"));
        }
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
