package vn.tracker.api;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/** A request over a limit: extensions {code: LIMIT_EXCEEDED, limit: name, max, actual}. */
record LimitExceeded(String limit, long max, long actual, String vi, String en) implements GraphQLError {

    @Override
    public String getMessage() {
        return vi + " (" + actual + " > " + max + ") / " + en + " (" + actual + " > " + max + ")";
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.BAD_REQUEST;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", "LIMIT_EXCEEDED", "limit", limit, "max", max, "actual", actual);
    }
}
