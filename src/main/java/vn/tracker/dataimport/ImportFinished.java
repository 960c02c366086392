package vn.tracker.dataimport;

/**
 * Published inside the import's transaction when an import ends; listeners that count imports
 * should listen after commit (success) or after rollback (failure), so a count is never ahead of
 * what the database holds.
 */
public record ImportFinished(String source, ImportReport report, boolean succeeded) {
}
