package vn.tracker.dataimport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.tracker.agency.Agency;
import vn.tracker.common.BaseEntity;
import vn.tracker.task.Task;

/**
 * Writes the tasks an import creates with multi-row INSERTs on the import's connection: a few
 * statements per chunk of rows instead of one INSERT per task (Hibernate cannot batch inserts of
 * IDENTITY ids, and it would flush and dirty-check the whole import on every look-up). Values are
 * the entity's own, after the same derivations Hibernate's insert callbacks run
 * ({@link Task#prepareBulkInsert}); {@code NewTaskInsertsTest} fails when the task table gains a
 * column this list does not write.
 */
final class NewTaskInserts {

    static final List<String> TASK_COLUMNS = List.of("code", "province_code", "title", "description", "directive_id",
            "lead_agency_id", "start_on", "due_on", "due_text", "due_resolution", "completed_on", "status", "progress",
            "result", "origin", "duplicate_of_id", "pilot_model_id", "source_doc", "search_folded", "start_day",
            "due_day", "last_report_on", "version", "created_at", "updated_at");

    /** Rows per INSERT: keeps a statement well under max_allowed_packet and the placeholder limit. */
    private static final int ROWS_PER_STATEMENT = 500;

    private NewTaskInserts() {
    }

    /** Inserts the (new, unsaved) tasks and their coordinating agencies; returns their ids in order. */
    static List<Long> insert(Connection connection, List<Task> tasks) throws SQLException {
        for (List<Task> part : parts(tasks)) {
            insertRows(connection, "task", TASK_COLUMNS, part.stream().map(NewTaskInserts::values).toList());
        }
        List<Long> ids = idsOf(connection, tasks);
        List<Object[]> coordinators = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            for (Agency agency : tasks.get(i).getCoordinatingAgencies()) {
                coordinators.add(new Object[] {ids.get(i), agency.getId()});
            }
        }
        for (List<Object[]> part : parts(coordinators)) {
            insertRows(connection, "task_coordinator", List.of("task_id", "agency_id"), part);
        }
        return ids;
    }

    private static Object[] values(Task t) {
        return new Object[] {t.getCode(), t.getProvinceCode(), t.getTitle(), t.getDescription(), idOf(t.getDirective()),
                idOf(t.getLeadAgency()), t.getStartOn(), t.getDueOn(), t.getDueText(),
                t.getDueResolution() == null ? null : t.getDueResolution().name(), t.getCompletedOn(),
                t.getStatus().name(), t.getProgress(), t.getResult(), t.getOrigin(), idOf(t.getDuplicateOf()),
                idOf(t.getPilotModel()), t.getSourceDoc(), t.getSearchFolded(), t.getStartDay(), t.getDueDay(),
                t.getLastReportOn(), t.getVersion(), utc(t.getCreatedAt()), utc(t.getUpdatedAt())};
    }

    private static Long idOf(BaseEntity entity) {
        return entity == null ? null : entity.getId();
    }

    /** Hibernate writes instants as UTC wall-clock time (hibernate.jdbc.time_zone: UTC). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void insertRows(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        String tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), tuple));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object[] row : rows) {
                for (Object value : row) {
                    statement.setObject(index++, value);
                }
            }
            statement.executeUpdate();
        }
    }

    /** The generated ids, read back by each province's unique codes (portable, unlike batch generated keys). */
    private static List<Long> idsOf(Connection connection, List<Task> tasks) throws SQLException {
        Map<String, List<String>> codesByProvince = new LinkedHashMap<>();
        tasks.forEach(t -> codesByProvince.computeIfAbsent(t.getProvinceCode(), p -> new ArrayList<>()).add(t.getCode()));
        Map<String, Long> idByKey = new HashMap<>();
        for (Map.Entry<String, List<String>> province : codesByProvince.entrySet()) {
            for (List<String> codes : parts(province.getValue())) {
                String sql = "SELECT id, code FROM task WHERE province_code = ? AND code IN ("
                        + String.join(", ", Collections.nCopies(codes.size(), "?")) + ")";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, province.getKey());
                    for (int i = 0; i < codes.size(); i++) {
                        statement.setString(i + 2, codes.get(i));
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            idByKey.put(province.getKey() + "|" + rs.getString(2), rs.getLong(1));
                        }
                    }
                }
            }
        }
        List<Long> ids = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            Long id = idByKey.get(t.getProvinceCode() + "|" + t.getCode());
            if (id == null) {
                throw new IllegalStateException("inserted task not found: " + t.getProvinceCode() + " " + t.getCode());
            }
            ids.add(id);
        }
        return ids;
    }

    static <T> List<List<T>> parts(List<T> items) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += ROWS_PER_STATEMENT) {
            parts.add(items.subList(from, Math.min(items.size(), from + ROWS_PER_STATEMENT)));
        }
        return parts;
    }
}
