package vn.tracker.dataimport;

/** One rejected row: file, line (1 = header) and the reason, in Vietnamese with English. */
public record ImportProblem(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
