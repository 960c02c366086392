package vn.tracker.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.tracker.dataimport.ImportFinished;

/**
 * Import counts as metrics: `tracker_import_runs_total{outcome}` and
 * `tracker_import_rows_total{file,action=read|created|updated}`. Counted only once the import's
 * transaction committed (or rolled back, for failures), so the figures match the database.
 */
@Component
class ImportMetrics {

    private final MeterRegistry registry;

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(ImportFinished event) {
        if (!event.succeeded()) {
            return;
        }
        runs("succeeded").increment();
        event.report().forEachFile((file, read, created, updated) -> {
            rows(file, "read").increment(read);
            rows(file, "created").increment(created);
            rows(file, "updated").increment(updated);
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    void rolledBack(ImportFinished event) {
        runs("failed").increment();
    }

    private Counter runs(String outcome) {
        return Counter.builder("tracker.import.runs").description("CSV imports by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter rows(String file, String action) {
        return Counter.builder("tracker.import.rows").description("CSV rows imported, per file and action")
                .tag("file", file).tag("action", action).register(registry);
    }
}
