package vn.tracker.indicator;

import java.util.List;

/** What an ingest did; when errors is not empty nothing was written. */
public record IngestResult(int rows, int created, int updated, int unchanged, List<IngestError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
