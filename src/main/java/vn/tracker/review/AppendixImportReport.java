package vn.tracker.review;

import java.util.List;

/**
 * The outcome of an appendix import. All-or-nothing: when {@code errors} is not empty nothing was
 * changed and the counts say what would have happened to the valid rows.
 *
 * @param errors each bad row with its spreadsheet row number (1-based, as Excel shows it)
 */
public record AppendixImportReport(String province, int rows, int created, int updated, int unchanged,
        List<RowError> errors) {

    public record RowError(int row, String column, String code, String message) {
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
