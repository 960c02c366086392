package vn.tracker.common;

/** A code that names nothing; surfaces as a GraphQL error (or UserError) with code NOT_FOUND. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String message) {
        this(null, message);
    }

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public static NotFoundException of(String what, String code) {
        return new NotFoundException("Không tìm thấy " + what + " '" + code + "' / " + what + " not found");
    }

    /** The same, naming the argument that held the unknown code (e.g. "input.leadAgency"). */
    public static NotFoundException of(String field, String what, String code) {
        return new NotFoundException(field, "Không tìm thấy " + what + " '" + code + "' / " + what + " not found");
    }

    public String getField() {
        return field;
    }
}
