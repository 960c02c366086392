package vn.tracker.common;

import java.util.List;

/**
 * A problem with a mutation's input, returned in the payload's {@code errors}. {@code field} is the
 * path to the offending argument ("input", "title"); the message is Vietnamese, then " / " English.
 */
public record UserError(ErrorCode code, List<String> field, String message) {

    public static UserError of(ErrorCode code, String fieldPath, String message) {
        return new UserError(code, path(fieldPath), message);
    }

    /** "input.evidence.0.title" → [input, evidence, 0, title]; null or blank → null. */
    static List<String> path(String fieldPath) {
        if (fieldPath == null || fieldPath.isBlank()) {
            return null;
        }
        return List.of(fieldPath.split("\\."));
    }
}
