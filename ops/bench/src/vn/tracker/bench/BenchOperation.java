package vn.tracker.bench;

import java.util.Map;

/**
 * One benchmarked operation: the product path (over HTTP, as a client sees it) and a hand-written
 * JDBC baseline that does the same work on the same data. The runner times both, interleaved,
 * and reports the ratio of medians plus the product's SQL statements per request. Register new
 * operations in {@link Operations}; see ops/bench/README.md.
 */
public interface BenchOperation {

    /** Short snake_case name: the report row and the prefix of the summary key (task_page → task_page_ratio). */
    String name();

    /** Why this build cannot run the operation (an API it needs is missing), or null when it can. */
    default String unsupportedReason(BenchContext ctx) {
        return null;
    }

    /**
     * Whether the operation reads the generated directives/tasks/history (and the monthly
     * observations loaded with them). Operations that only need the agency tree (the indicator
     * operations bring their own weekly data) return false, so a run of only those skips the
     * task data: at national scale it is hours of loading through the row-by-row importer.
     */
    default boolean needsTaskData() {
        return true;
    }

    /**
     * Whether a run without {@code --only} includes it (false: a variant measured on demand, kept
     * out of --quick's time and line).
     */
    default boolean runsByDefault() {
        return true;
    }

    /** Called once before timing: pick inputs, build documents, check the data is there. */
    default void prepare(BenchContext ctx) throws Exception {
    }

    /**
     * One request through the product. Returns the answer in a form comparable with
     * {@link #baseline}'s (e.g. the list of task codes), or null when answers are not compared.
     */
    Object product(BenchContext ctx, int iteration) throws Exception;

    /** The same work in hand-written SQL over {@link BenchContext#jdbc()}. */
    Object baseline(BenchContext ctx, int iteration) throws Exception;

    /** Entries this operation adds to the summary line; empty to stay out of it. */
    default Map<String, String> summary(OperationResult result) {
        return Map.of(name() + "_ratio", result.ratioText());
    }
}
