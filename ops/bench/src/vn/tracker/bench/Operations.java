package vn.tracker.bench;

import java.util.List;
import vn.tracker.bench.operations.IngestOperation;
import vn.tracker.bench.operations.SeriesOperation;
import vn.tracker.bench.operations.TaskByCodeOperation;
import vn.tracker.bench.operations.TaskPageOperation;
import vn.tracker.bench.operations.TaskStatsOperation;
import vn.tracker.bench.operations.WeeklyReviewFullOperation;
import vn.tracker.bench.operations.WeeklyReviewOperation;
import vn.tracker.bench.operations.XlsxExportOperation;

/**
 * Every operation the runner knows, in report order. The summary line is built from each
 * operation's {@link BenchOperation#summary} in this order. Add yours here (one line).
 */
final class Operations {

    private Operations() {
    }

    static List<BenchOperation> all() {
        return List.of(
                new TaskPageOperation(),
                new WeeklyReviewOperation(),
                new WeeklyReviewFullOperation(), // only with --only review_full
                new TaskStatsOperation(),
                new TaskByCodeOperation(),
                new XlsxExportOperation(),
                new IngestOperation(), // issue 6: before series, it loads the weekly data
                new SeriesOperation()
        );
    }
}
