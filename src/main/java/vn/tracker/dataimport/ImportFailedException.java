package vn.tracker.dataimport;

import java.util.List;

/** An import that had bad rows; thrown inside the transaction so nothing of it is written. */
public class ImportFailedException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public ImportFailedException(List<ImportProblem> problems) {
        super("Dữ liệu nhập không hợp lệ / import rejected (" + problems.size() + " lỗi): "
                + problems.stream().limit(20).map(ImportProblem::toString).toList());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> getProblems() {
        return problems;
    }
}
