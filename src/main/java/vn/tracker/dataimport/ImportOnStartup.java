package vn.tracker.dataimport;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads data at start-up: the bundled sample set when `tracker.import.sample` is true (the
 * embedded demo default), and a folder of CSV files when `tracker.import.dir` is given. Both are
 * idempotent, so a restart against the same database changes nothing.
 */
@Component
@Order(10)
class ImportOnStartup implements ApplicationRunner {

    private final CsvImporter importer;
    private final boolean sample;
    private final String dir;

    ImportOnStartup(CsvImporter importer, @Value("${tracker.import.sample:false}") boolean sample,
            @Value("${tracker.import.dir:}") String dir) {
        this.importer = importer;
        this.sample = sample;
        this.dir = dir;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (sample) {
            importer.importAll(CsvSource.sample());
        }
        if (dir != null && !dir.isBlank()) {
            importer.importAll(CsvSource.directory(Path.of(dir)));
        }
    }
}
