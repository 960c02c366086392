package vn.tracker.dataimport;

import java.util.Map;

/** A CSV record with the line it starts on, so problems can name it. */
record CsvRow(String file, long line, Map<String, String> values) {

    /** The trimmed value of a column, or null when the column is absent or blank. */
    String get(String column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
