package vn.tracker.task;

import java.time.LocalDate;
import java.util.List;

/**
 * Fields of createTask and updateTask. On update, an omitted (null) field keeps its value; lists
 * given replace the old list. The deadline is given either as a date (dueOn) or as the document
 * wrote it (dueText: "Quý I năm 2026"), not both.
 */
public record TaskInput(String code, String province, String title, String description, String directive,
        String leadAgency, List<String> coordinatingAgencies, LocalDate startOn, LocalDate dueOn, String dueText,
        String origin, TaskFilter.PilotModelKey pilotModel, String sourceDoc) {
}
