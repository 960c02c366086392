package vn.tracker.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Builds mutation payloads {@code { <object>, errors: [UserError!]! }}. Call it in the GraphQL
 * controller AROUND the transactional service method: the service throws, its transaction rolls
 * back (nothing changes), and the exception becomes a UserError here.
 *
 * <pre>
 * &#64;MutationMapping
 * Map&lt;String, Object&gt; createTask(&#64;Argument TaskInput input) {
 *     return Payloads.of("task", () -&gt; commands.create(input));
 * }
 * </pre>
 *
 * Input problems (BadInputException, InvalidInputException), unknown codes (NotFoundException), stale
 * versions (ConflictException, optimistic-lock failures), duplicates (unique-key violations) and
 * permissions (AccessDeniedException) become errors; anything else propagates and surfaces as a
 * top-level INTERNAL error without details.
 */
public final class Payloads {

    public static final String CONFLICT_MESSAGE =
            "Dữ liệu đã bị người khác thay đổi, hãy tải lại / changed by someone else, reload and retry";

    private Payloads() {
    }

    /** Runs the action; the payload holds its result under objectField, or the errors. */
    public static Map<String, Object> of(String objectField, Supplier<?> action) {
        return ofAll(() -> Map.of(objectField, action.get()), objectField);
    }

    /**
     * For payloads with several objects (e.g. task and progressReport): the action returns them
     * by field name; on error every named field is null.
     */
    public static Map<String, Object> ofAll(Supplier<Map<String, ?>> action, String... objectFields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        try {
            Map<String, ?> objects = action.get();
            payload.putAll(objects);
            payload.put("errors", List.of());
        } catch (RuntimeException e) {
            for (String field : objectFields) {
                payload.put(field, null);
            }
            payload.put("errors", errorsOf(e));
        }
        return payload;
    }

    /** The user errors an exception stands for; rethrows anything that is not the caller's fault. */
    public static List<UserError> errorsOf(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.getErrors();
        }
        if (e instanceof BadInputException bad) {
            return List.of(UserError.of(ErrorCode.BAD_USER_INPUT, bad.getField(), bad.getMessage()));
        }
        if (e instanceof NotFoundException notFound) {
            return List.of(UserError.of(ErrorCode.NOT_FOUND, notFound.getField(), notFound.getMessage()));
        }
        if (e instanceof ConflictException conflict) {
            return List.of(UserError.of(ErrorCode.CONFLICT, conflict.getField(), conflict.getMessage()));
        }
        // A deadlock victim of a concurrent edit (InnoDB) is a conflict too: its transaction was rolled back.
        if (e instanceof OptimisticLockingFailureException || e instanceof PessimisticLockingFailureException) {
            return List.of(UserError.of(ErrorCode.CONFLICT, "expectedVersion", CONFLICT_MESSAGE));
        }
        if (e instanceof DataIntegrityViolationException) {
            // A concurrent insert of the same code slipped past the service's own check.
            return List.of(UserError.of(ErrorCode.CONFLICT, null,
                    "Mã đã tồn tại hoặc dữ liệu liên quan vừa thay đổi / code already exists or related data changed"));
        }
        if (e instanceof AccessDeniedException) {
            return List.of(UserError.of(ErrorCode.FORBIDDEN, null, "Không có quyền / forbidden"));
        }
        throw e;
    }
}
