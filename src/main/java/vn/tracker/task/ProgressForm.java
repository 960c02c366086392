package vn.tracker.task;

import java.util.List;

/**
 * The console's progress report form, as typed: progress stays text so "abc" becomes a Vietnamese
 * form message rather than a binding failure. Evidence is one optional item per report.
 */
public record ProgressForm(TaskStatus status, String progress, String result, String evidenceTitle,
        String evidenceNumber, String evidenceUrl, Long expectedVersion) {

    /** Progress as a number; null when empty; out of range (refused by the service) when not a number. */
    Integer progressValue() {
        if (progress == null || progress.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(progress.strip());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    ProgressReportCommand toCommand(String code, String province) {
        List<EvidenceInput> evidence = blank(evidenceTitle) && blank(evidenceNumber) && blank(evidenceUrl) ? null
                : List.of(new EvidenceInput(evidenceTitle, evidenceNumber, evidenceUrl, null));
        return new ProgressReportCommand(code, province, status, progressValue(), blank(result) ? null : result,
                evidence, null, expectedVersion);
    }

    static ProgressForm of(Task task) {
        return new ProgressForm(task.getStatus(), String.valueOf(task.getProgress()), null, null, null, null,
                task.getVersion());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
