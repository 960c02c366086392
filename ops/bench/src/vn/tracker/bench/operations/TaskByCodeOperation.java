package vn.tracker.bench.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.tracker.bench.BenchContext;
import vn.tracker.bench.BenchOperation;
import vn.tracker.bench.HealthSql;

/**
 * What a partner portal does most: fetch one task by its exchange code, with lead agency,
 * directive, coordinators and health. Baseline: one joined query plus the coordinators.
 * Not part of the summary line (see the full report).
 */
public class TaskByCodeOperation implements BenchOperation {

    private static final String DOCUMENT = "query BenchTaskByCode($code: String!, $province: String, $asOf: Date) {"
            + " task(code: $code, province: $province) { code title status dueOn progress health(asOf: $asOf)"
            + " leadAgency { code name } directive { code title } coordinatingAgencies { code name } } }";

    private final List<String[]> keys = new ArrayList<>();

    @Override
    public String name() {
        return "task_by_code";
    }

    @Override
    public void prepare(BenchContext ctx) throws Exception {
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT province_code, code FROM task WHERE MOD(id, 97) = 0 ORDER BY id LIMIT 200")) {
            while (rs.next()) {
                keys.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no tasks loaded");
        }
    }

    private String[] key(int iteration) {
        return keys.get(iteration % keys.size());
    }

    @Override
    public Object product(BenchContext ctx, int iteration) throws Exception {
        String[] k = key(iteration);
        JsonNode task = ctx.graphql(DOCUMENT, Map.of("code", k[1], "province", k[0], "asOf", ctx.asOf().toString()))
                .get("task");
        return task.get("code").asString() + ":" + task.get("health").asString();
    }

    @Override
    public Object baseline(BenchContext ctx, int iteration) throws Exception {
        String[] k = key(iteration);
        try (Connection c = ctx.jdbc()) {
            String answer;
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.code, t.title, t.status, t.due_on, t.progress, "
                    + HealthSql.healthCase(ctx.asOf()) + " AS health, la.code, la.name, d.code, d.title FROM task t"
                    + " JOIN agency la ON la.id = t.lead_agency_id LEFT JOIN directive d ON d.id = t.directive_id"
                    + " WHERE t.province_code = ? AND t.code = ?")) {
                ps.setString(1, k[0]);
                ps.setString(2, k[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                    answer = rs.getString(2) + ":" + rs.getString(7);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT a.code, a.name FROM task_coordinator tc"
                    + " JOIN agency a ON a.id = tc.agency_id WHERE tc.task_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
            return answer;
        }
    }

    @Override
    public Map<String, String> summary(vn.tracker.bench.OperationResult result) {
        return Map.of();
    }
}
