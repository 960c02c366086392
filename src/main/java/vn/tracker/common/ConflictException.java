package vn.tracker.common;

/** A stale expectedVersion: the caller edited an old copy. Never an overwrite. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
