package vn.tracker.dataimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects the problems of one import and parses typed values, recording a problem on failure. */
final class RowProblems {

    private final List<ImportProblem> problems = new ArrayList<>();

    void add(CsvRow row, String reason) {
        problems.add(new ImportProblem(row.file(), row.line(), reason));
    }

    List<ImportProblem> all() {
        return problems;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** A required column; records "thiếu cột" and returns null when blank. */
    String required(CsvRow row, String column) {
        String v = row.get(column);
        if (v == null) {
            add(row, "Thiếu giá trị cột '" + column + "' / missing value for '" + column + "'");
        }
        return v;
    }

    LocalDate date(CsvRow row, String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            add(row, "Ngày không hợp lệ ở cột '" + column + "': '" + v + "' / malformed date, expected YYYY-MM-DD");
            return null;
        }
    }

    BigDecimal decimal(CsvRow row, String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            add(row, "Số không hợp lệ ở cột '" + column + "': '" + v + "' / malformed number");
            return null;
        }
    }

    Integer integer(CsvRow row, String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            add(row, "Số nguyên không hợp lệ ở cột '" + column + "': '" + v + "' / malformed integer");
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(CsvRow row, String column, Class<E> type) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            add(row, "Giá trị '" + v + "' không hợp lệ ở cột '" + column + "' / unknown " + type.getSimpleName());
            return null;
        }
    }

    /** Looks a code up; records "mã không tồn tại" when it is unknown. */
    <T> T reference(CsvRow row, String column, String code, Function<String, T> lookup) {
        if (code == null) {
            return null;
        }
        T found = lookup.apply(code);
        if (found == null) {
            add(row, "Mã không tồn tại ở cột '" + column + "': '" + code + "' / unknown code");
        }
        return found;
    }
}
