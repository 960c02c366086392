package vn.tracker.ops;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Makes the GraphQL operation name a metric tag, so `graphql_request_seconds` gives latency per
 * operation (Spring for GraphQL keeps it as a high-cardinality key, i.e. traces only). Clients
 * choose operation names, so the tag is bounded: only plain identifiers, and at most
 * {@link #MAX_NAMES} distinct names; anything else is counted under "other" (anonymous
 * operations under "anonymous"). That keeps a misbehaving client from exploding the registry.
 */
@Component
class GraphQlOperationObservationConvention extends DefaultExecutionRequestObservationConvention {

    static final int MAX_NAMES = 200;
    private static final String KEY = "graphql.operation.name";
    private static final Pattern IDENTIFIER = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(KEY, boundedName(context)));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return KeyValues.of(executionId(context));
    }

    private String boundedName(ExecutionRequestObservationContext context) {
        // The executed definition knows its name even when the client sent no "operationName".
        String name = context.getExecutionContext() != null && context.getExecutionContext().getOperationDefinition() != null
                ? context.getExecutionContext().getOperationDefinition().getName()
                : context.getExecutionInput().getOperationName();
        if (name == null || name.isBlank()) {
            return "anonymous";
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            return "other";
        }
        if (seen.contains(name) || (seen.size() < MAX_NAMES && seen.add(name))) {
            return name;
        }
        return "other";
    }
}
