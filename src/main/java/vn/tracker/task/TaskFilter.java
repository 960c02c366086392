package vn.tracker.task;

import java.time.LocalDate;
import java.util.List;

/**
 * The TaskFilter input of the API. Omitted fields do not filter; list fields match any of their
 * values; fields combine with AND.
 *
 * <p>Extending it from another feature: declare the new field with {@code extend input TaskFilter
 * { deadlineStatus: [DeadlineStatus!] }} in your own .graphqls file and register a Spring bean
 * implementing {@link TaskFilterContribution}; it receives the raw filter map (with your field)
 * and returns a predicate. This record does not need to change.
 */
public record TaskFilter(List<TaskStatus> status, List<TaskHealth> health, List<String> leadAgency,
        List<String> anyAgency, Boolean includeSubAgencies, List<String> directive, Boolean includeImplementing,
        List<String> program, List<PilotModelKey> pilotModel, LocalDate dueFrom, LocalDate dueTo,
        List<String> origin, String province, String search) {

    public static final TaskFilter NONE = new TaskFilter(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** A pilot model by its approving decision and number; without number, every model of the decision. */
    public record PilotModelKey(String decision, Integer number) {
    }

    public static TaskFilter orNone(TaskFilter filter) {
        return filter == null ? NONE : filter;
    }

    /** The same filter restricted to tasks led by the agency (and, if asked, agencies below it). */
    public TaskFilter withLeadAgency(String agencyCode) {
        return new TaskFilter(status, health, List.of(agencyCode), anyAgency, includeSubAgencies, directive,
                includeImplementing, program, pilotModel, dueFrom, dueTo, origin, province, search);
    }

    /** The same filter restricted to tasks of the directive (and, if asked, of plans implementing it). */
    public TaskFilter withDirective(String directiveCode) {
        return new TaskFilter(status, health, leadAgency, anyAgency, includeSubAgencies, List.of(directiveCode),
                includeImplementing, program, pilotModel, dueFrom, dueTo, origin, province, search);
    }
}
