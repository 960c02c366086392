package vn.tracker.indicator;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V83, once the backfill of the year packs of V82. V91 drops that table and V92
 * ({@link ObservationPackBackfill}) fills its successor, so whatever V83 wrote would be thrown
 * away: it does nothing now, and stays resolvable (same version and checksum) so that databases
 * that applied it still validate.
 */
@Component
class SupersededPackBackfill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("83");
    }

    @Override
    public String getDescription() {
        return "observation pack backfill";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        // superseded by V91/V92
    }
}
