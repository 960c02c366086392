package vn.tracker.indicator;

import java.util.List;
import vn.tracker.common.ErrorCode;

/**
 * A problem with one row of an ingest: its 0-based index in the request (the CSV line number for
 * uploads is index + 2, after the header), the field, a code and a Vietnamese / English message.
 */
public record IngestError(int index, ErrorCode code, String field, String message) {

    /** The GraphQL field path of the error: input, index, field. */
    public List<String> path() {
        return field == null ? List.of("input", String.valueOf(index)) : List.of("input", String.valueOf(index), field);
    }
}
