package vn.tracker.task;

import java.util.List;
import java.util.Map;

/**
 * A page of the console's task list with the counts per health of the whole filtered list.
 *
 * @param first      1-based position of the first row in the whole list
 * @param nextCursor cursor of the next page, null on the last page
 */
public record TaskListPage(List<TaskListRow> rows, Map<TaskHealth, Long> countsByHealth, long total, int first,
        String nextCursor, boolean hasPrevious) {

    public int last() {
        return first + rows.size() - 1;
    }
}
