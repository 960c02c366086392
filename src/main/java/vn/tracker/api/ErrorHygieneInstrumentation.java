package vn.tracker.api;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.validation.ValidationError;
import graphql.InvalidSyntaxError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Last line of error hygiene: every error leaves with extensions.code, and none carries a Java
 * class name or an exception text. Errors the resolvers built (with a code) pass unchanged;
 * syntax, validation and variable-coercion errors become BAD_USER_INPUT with Java names scrubbed;
 * anything else (e.g. a value the engine could not serialize) becomes a generic INTERNAL error,
 * logged in full on the server.
 */
@Component
class ErrorHygieneInstrumentation extends SimplePerformantInstrumentation {

    private static final Logger log = LoggerFactory.getLogger(ErrorHygieneInstrumentation.class);
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*\\b");
    private static final Pattern JAVA_SIMPLE_TYPES = Pattern.compile("'(?:Instant|LocalDate|OffsetDateTime|String|Integer|Long)'");

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> cleaned = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            cleaned.add(clean(error));
        }
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(cleaned)));
    }

    private static GraphQLError clean(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null && extensions.get("code") != null) {
            return error;
        }
        boolean userFault = error instanceof ValidationError || error instanceof InvalidSyntaxError
                || error.getErrorType() == graphql.ErrorType.ValidationError
                || error.getErrorType() == graphql.ErrorType.InvalidSyntax
                || error.getClass().getSimpleName().contains("Coercing")
                || (error.getMessage() != null && error.getMessage().startsWith("Variable '"));
        Map<String, Object> ext = new LinkedHashMap<>();
        if (extensions != null) {
            extensions.forEach((k, v) -> {
                if (!"classification".equals(k)) {
                    ext.put(k, v);
                }
            });
        }
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().locations(error.getLocations());
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        if (userFault) {
            ext.put("code", "BAD_USER_INPUT");
            return builder.message(scrub(error.getMessage())).errorType(ErrorType.BAD_REQUEST).extensions(ext).build();
        }
        log.error("GraphQL error without a code, answered as INTERNAL: {}", error);
        ext.put("code", "INTERNAL");
        return builder.message("Lỗi hệ thống / internal error").errorType(ErrorType.INTERNAL_ERROR).extensions(ext)
                .build();
    }

    static String scrub(String message) {
        if (message == null) {
            return "Dữ liệu nhập không hợp lệ / invalid input";
        }
        String s = JAVA_NAME.matcher(message).replaceAll("value");
        return JAVA_SIMPLE_TYPES.matcher(s).replaceAll("'value'");
    }
}
