package vn.tracker.task;

import java.time.LocalDate;
import java.util.List;

/** What reportProgress asks for: a new status/progress/result, optionally with evidence. */
public record ProgressReportCommand(String code, String province, TaskStatus status, Integer progress,
        String result, List<EvidenceInput> evidence, LocalDate reportedOn, Long expectedVersion) {
}
