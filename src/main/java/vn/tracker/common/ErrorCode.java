package vn.tracker.common;

/** Values of extensions.code on GraphQL errors and of UserError.code in mutation payloads. */
public enum ErrorCode {
    BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED, LIMIT_EXCEEDED, INTERNAL, UNAVAILABLE
}
