package vn.tracker.common;

import java.util.List;

/** Several input problems found at once, so a form can show all of them in one round trip. */
public class InvalidInputException extends BadInputException {

    private final List<UserError> errors;

    public InvalidInputException(List<UserError> errors) {
        super(errors.isEmpty() ? null : String.join(".", errors.get(0).field() == null ? List.of()
                : errors.get(0).field()), errors.isEmpty() ? "" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<UserError> getErrors() {
        return errors;
    }
}
