package vn.tracker.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems of one mutation input, then throws them together. Services validate
 * everything before changing anything, so "on any error nothing changes" holds by construction.
 *
 * <pre>
 * InputErrors errors = new InputErrors();
 * errors.requireText("input.title", input.title(), 2000);
 * errors.check(progress >= 0 &amp;&amp; progress &lt;= 100, "progress", "Tiến độ từ 0 đến 100 / progress must be 0–100");
 * errors.throwIfAny();
 * </pre>
 */
public final class InputErrors {

    private final List<UserError> errors = new ArrayList<>();

    public InputErrors add(String field, String message) {
        errors.add(UserError.of(ErrorCode.BAD_USER_INPUT, field, message));
        return this;
    }

    /** Adds the error when the condition does not hold. */
    public InputErrors check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    /** Required, non-blank text of at most maxLength characters. */
    public InputErrors requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return add(field, "Không được để trống / must not be empty");
        }
        return maxLength(field, value, maxLength);
    }

    /** Optional text of at most maxLength characters. */
    public InputErrors maxLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            add(field, "Dài quá " + maxLength + " ký tự / longer than " + maxLength + " characters");
        }
        return this;
    }

    public InputErrors range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "Phải từ " + min + " đến " + max + " / must be between " + min + " and " + max);
        }
        return this;
    }

    public InputErrors notAfter(String field, LocalDate value, LocalDate limit) {
        if (value != null && value.isAfter(limit)) {
            add(field, "Không được sau ngày " + limit + " / must not be after " + limit);
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
