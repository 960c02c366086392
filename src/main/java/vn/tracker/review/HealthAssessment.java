package vn.tracker.review;

import java.util.List;
import vn.tracker.task.TaskHealth;

/** A task's health as of a date and every rule that fired (empty for DONE and plain ON_TRACK). */
public record HealthAssessment(TaskHealth health, List<RiskReason> reasons) {
}
