package vn.tracker.common;

/** Input the caller must fix; surfaces as a GraphQL error with code BAD_USER_INPUT. */
public class BadInputException extends RuntimeException {

    private final String field;

    public BadInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
