package vn.tracker.common;

/** A code that names nothing; surfaces as a GraphQL error with code NOT_FOUND. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, String code) {
        return new NotFoundException("Không tìm thấy " + what + " '" + code + "' / " + what + " not found");
    }
}
