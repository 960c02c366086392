package vn.tracker.dataimport;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an import did, per file: rows read, and entities created or updated. */
public final class ImportReport {

    private final Map<String, int[]> counts = new LinkedHashMap<>();

    void read(String file) {
        counts.computeIfAbsent(file, f -> new int[3])[0]++;
    }

    void created(String file) {
        counts.computeIfAbsent(file, f -> new int[3])[1]++;
    }

    void updated(String file) {
        counts.computeIfAbsent(file, f -> new int[3])[2]++;
    }

    public int created() {
        return counts.values().stream().mapToInt(c -> c[1]).sum();
    }

    public int updated() {
        return counts.values().stream().mapToInt(c -> c[2]).sum();
    }

    /** Visits each file's counts: rows read, entities created, entities updated. */
    public void forEachFile(FileCounts visitor) {
        counts.forEach((file, c) -> visitor.accept(file, c[0], c[1], c[2]));
    }

    @FunctionalInterface
    public interface FileCounts {
        void accept(String file, int read, int created, int updated);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        counts.forEach((file, c) -> sb.append(file).append(": read ").append(c[0]).append(", created ")
                .append(c[1]).append(", updated ").append(c[2]).append("; "));
        return sb.toString();
    }
}
