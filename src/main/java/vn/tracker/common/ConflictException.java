package vn.tracker.common;

/** A stale expectedVersion (the caller edited an old copy) or a duplicate code. Never an overwrite. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The expected version does not match the stored one. */
    public static ConflictException staleVersion(long expected, long actual) {
        return new ConflictException("expectedVersion", "Phiên bản " + expected + " đã cũ, hiện là " + actual
                + ": dữ liệu đã bị người khác thay đổi, hãy tải lại / version " + expected + " is stale (now "
                + actual + "): changed by someone else, reload and retry");
    }

    /** Throws a conflict when an expected version was given and differs from the stored one. */
    public static void requireVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw staleVersion(expected, actual);
        }
    }

    public String getField() {
        return field;
    }
}
