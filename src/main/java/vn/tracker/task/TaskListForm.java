package vn.tracker.task;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import vn.tracker.console.QueryLink;

/**
 * The filters of the console's task list, exactly as they appear in the URL, so a link
 * reproduces the list ({@code /tasks?health=OVERDUE&asOf=2026-01-06&agency=GL-CA}).
 *
 * @param asOf      as-of date; empty means today (from the injected clock)
 * @param program   program code (NQ57, DA06, …)
 * @param directive code of the assigning document
 * @param agency    lead agency code; its sub-agencies are included unless {@code exact}
 * @param exact     only the agency itself, not the units below it
 * @param health    health values (any of)
 * @param status    reported statuses (any of)
 * @param dueFrom   due on or after
 * @param dueTo     due on or before
 * @param q         free text, accent-insensitive ("qua han" finds "quá hạn")
 * @param sort      one of {@link #SORTS}
 * @param after     cursor of the page's start
 * @param start     1-based position of the page's first row (display only, travels with the cursor)
 * @param province  province code (GL, TN); empty for all
 */
public record TaskListForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
        String program,
        String directive,
        String agency,
        Boolean exact,
        List<TaskHealth> health,
        List<TaskStatus> status,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
        String q,
        String sort,
        String after,
        Integer start,
        String province) {

    /** Sort keys offered as column headers; "-" means descending. */
    public static final List<String> SORTS = List.of("health", "due", "-due", "code", "-updated");
    public static final String DEFAULT_SORT = "health";

    public TaskListForm {
        program = blankToNull(program);
        directive = blankToNull(directive);
        agency = blankToNull(agency);
        q = blankToNull(q);
        province = blankToNull(province);
        after = blankToNull(after);
        health = health == null ? List.of() : List.copyOf(health);
        status = status == null ? List.of() : List.copyOf(status);
        sort = sort != null && SORTS.contains(sort) ? sort : DEFAULT_SORT;
    }

    public boolean includeSubAgencies() {
        return !Boolean.TRUE.equals(exact);
    }

    public boolean hasHealth(TaskHealth value) {
        return health.contains(value);
    }

    public boolean hasStatus(TaskStatus value) {
        return status.contains(value);
    }

    /** The same list with the given as-of date (made explicit so shared links stay reproducible). */
    public TaskListForm withAsOf(LocalDate date) {
        return new TaskListForm(date, program, directive, agency, exact, health, status, dueFrom, dueTo, q, sort,
                after, start, province);
    }

    /** The list a bare /tasks shows: overdue and at-risk tasks (no health chosen means these). */
    public TaskListForm withDefaultHealth(List<TaskHealth> defaults) {
        return health.isEmpty()
                ? new TaskListForm(asOf, program, directive, agency, exact, defaults, status, dueFrom, dueTo, q, sort,
                        after, start, province)
                : this;
    }

    /** Link to this list (first page). */
    public String url() {
        return link().toString();
    }

    /** Link to exactly this list, on the page it is at (where an inline form sends the user back). */
    public String currentUrl() {
        return after == null ? url() : urlAfter(after, start == null ? 1 : start);
    }

    /** Link to this list showing only one health value (the counts at the top). */
    public String urlWithHealth(TaskHealth value) {
        return link().replace("health", value).toString();
    }

    /** Link to this list sorted by a column; clicking the current ascending sort reverses it. */
    public String urlWithSort(String key) {
        String next = key.equals(sort) && SORTS.contains("-" + key) ? "-" + key : key;
        return link().replace("sort", DEFAULT_SORT.equals(next) ? null : next).toString();
    }

    /** Link to the page starting after the given cursor, at the given position. */
    public String urlAfter(String cursor, int position) {
        return link().with("after", cursor).with("start", position).toString();
    }

    private QueryLink link() {
        QueryLink link = QueryLink.to("/tasks").with("asOf", asOf).with("province", province).with("program", program)
                .with("directive", directive).with("agency", agency)
                .with("exact", Boolean.TRUE.equals(exact) ? true : null);
        for (TaskHealth h : health) {
            link = link.with("health", h);
        }
        for (TaskStatus s : status) {
            link = link.with("status", s);
        }
        return link.with("dueFrom", dueFrom).with("dueTo", dueTo).with("q", q)
                .with("sort", DEFAULT_SORT.equals(sort) ? null : sort);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
