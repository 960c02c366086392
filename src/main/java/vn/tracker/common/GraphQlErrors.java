package vn.tracker.common;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Maps exceptions to GraphQL errors with extensions.code. A database that cannot be reached is
 * UNAVAILABLE with extensions.retryable (clients retry; readiness is DOWN meanwhile). Unexpected
 * ones become INTERNAL with a generic message: no stack traces, class names or SQL reach the caller.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidInputException invalid) {
            return invalid.getErrors().stream()
                    .map(e -> error(env, e.code(), e.message(), e.field() == null ? null : String.join(".", e.field())))
                    .toList();
        }
        GraphQLError single = resolveToSingleError(ex, env);
        return single == null ? null : List.of(single);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof BadInputException bad) {
            return error(env, ErrorCode.BAD_USER_INPUT, bad.getMessage(), bad.getField());
        }
        if (ex instanceof NotFoundException notFound) {
            return error(env, ErrorCode.NOT_FOUND, ex.getMessage(), notFound.getField());
        }
        if (ex instanceof ConflictException conflict) {
            return error(env, ErrorCode.CONFLICT, ex.getMessage(), conflict.getField());
        }
        // A deadlock victim of a concurrent edit (InnoDB) is a conflict too: its transaction was rolled back.
        if (ex instanceof OptimisticLockingFailureException || ex instanceof PessimisticLockingFailureException) {
            return error(env, ErrorCode.CONFLICT,
                    "Dữ liệu đã bị người khác thay đổi, hãy tải lại / changed by someone else, reload and retry", null);
        }
        if (ex instanceof AccessDeniedException) {
            return error(env, ErrorCode.FORBIDDEN, "Không có quyền / forbidden", null);
        }
        DatabaseUnavailable unavailable = DatabaseUnavailable.of(ex);
        if (unavailable != null) {
            boolean query = env.getOperationDefinition() == null
                    || env.getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY;
            // A query can always be sent again; a mutation only when it failed before it began
            // (no connection, no transaction), never when the outcome of its commit is unknown.
            boolean retryable = query || unavailable.beforeStart();
            log.warn("Database unavailable in {}: {}", env.getExecutionStepInfo().getPath(), unavailable.reason());
            return GraphqlErrorBuilder.newError(env)
                    .message("Tạm thời không truy cập được cơ sở dữ liệu, hãy thử lại sau / database unavailable, retry later")
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .extensions(Map.of("code", ErrorCode.UNAVAILABLE.name(), "retryable", retryable))
                    .build();
        }
        log.error("Unexpected error in {}", env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorCode.INTERNAL, "Lỗi hệ thống / internal error", null);
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message, String field) {
        var builder = GraphqlErrorBuilder.newError(env).message(message).errorType(classify(code));
        builder.extensions(field == null ? Map.of("code", code.name()) : Map.of("code", code.name(), "field", field));
        return builder.build();
    }

    private static ErrorType classify(ErrorCode code) {
        return switch (code) {
            case BAD_USER_INPUT, LIMIT_EXCEEDED -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case CONFLICT, INTERNAL, UNAVAILABLE -> ErrorType.INTERNAL_ERROR;
        };
    }
}
