package vn.tracker.bench.operations;

import graphql.schema.GraphQLInputObjectType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import vn.tracker.bench.BenchContext;
import vn.tracker.bench.BenchOperation;
import vn.tracker.bench.GraphQlShapes;
import vn.tracker.bench.HealthSql;

/**
 * The portal's main list: 50 tasks filtered to AT_RISK as of a date, each with its lead and
 * coordinating agencies, its directive, its health and its latest annotation, over /graphql.
 * Baseline: the filter as one hand-written SQL query, then one query per nested kind (agencies,
 * coordinators, directives, latest annotations) — five round trips, the floor for this page.
 */
public class TaskPageOperation implements BenchOperation {

    static final int PAGE = 50;

    private String document;
    private Map<String, Object> variables;
    private boolean filtered;
    private boolean withAnnotation;

    @Override
    public String name() {
        return "task_page";
    }

    @Override
    public void prepare(BenchContext ctx) {
        GraphQlShapes shapes = new GraphQlShapes(ctx.schema());
        GraphQLInputObjectType filter = shapes.inputOf("tasks", "filter");
        String healthField = filter == null ? null
                : filter.getField("health") != null ? "health" : filter.getField("healths") != null ? "healths" : null;
        filtered = healthField != null;
        variables = new HashMap<>();
        variables.put("asOf", ctx.asOf().toString());
        StringBuilder args = new StringBuilder("first: " + PAGE);
        boolean asOfUsed = false;
        if (filtered) {
            args.append(", filter: { ").append(healthField).append(": [AT_RISK]");
            if (filter.getField("asOf") != null) {
                args.append(", asOf: $asOf");
                asOfUsed = true;
            }
            args.append(" }");
        }
        if (shapes.hasArgument("tasks", "asOf")) {
            args.append(", asOf: $asOf");
            asOfUsed = true;
        }
        withAnnotation = shapes.typeHasField("Task", "latestAnnotation");
        String annotation = "";
        if (withAnnotation) {
            // The annotation's own columns and its category, as the baseline reads them; not its
            // task (the row itself again) nor its edit history, which the baseline does not fetch.
            String type = graphql.schema.GraphQLTypeUtil.unwrapAll(ctx.schema().getObjectType("Task")
                    .getFieldDefinition("latestAnnotation").getType()).getName();
            annotation = " latestAnnotation " + shapes.selectScalars(type)
                    + (shapes.typeHasField(type, "category") ? " latestAnnotation { category { code nameVi } }" : "");
        }
        document = "query BenchTaskPage($asOf: Date) { tasks(" + args + ") { edges { node { code title status dueOn progress"
                + " health(asOf: $asOf) leadAgency { code name } coordinatingAgencies { code name }"
                + " directive { code title }" + annotation + " } } } }";
        if (!asOfUsed && !document.contains("$asOf")) {
            variables.clear();
        }
        if (!filtered) {
            ctx.record("task_page_note", "API has no health filter on tasks yet: page is unfiltered on both sides");
        }
    }

    @Override
    public Object product(BenchContext ctx, int iteration) throws Exception {
        JsonNode edges = ctx.graphql(document, variables).get("tasks").get("edges");
        return edges.valueStream().map(e -> e.get("node").get("code").asString()).sorted().toList();
    }

    @Override
    public Object baseline(BenchContext ctx, int iteration) throws Exception {
        try (Connection c = ctx.jdbc()) {
            String where = filtered ? HealthSql.atRisk(ctx.asOf()) : "TRUE";
            List<Long> ids = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            Set<Long> agencyIds = new LinkedHashSet<>();
            Set<Long> directiveIds = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.code, t.title, t.status, t.due_on, t.progress,"
                    + " t.lead_agency_id, t.directive_id, " + HealthSql.healthCase(ctx.asOf()) + " AS health"
                    + " FROM task t WHERE " + where + " ORDER BY t.id LIMIT " + PAGE);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    codes.add(rs.getString(2));
                    agencyIds.add(rs.getLong(7));
                    long d = rs.getLong(8);
                    if (!rs.wasNull()) {
                        directiveIds.add(d);
                    }
                }
            }
            if (ids.isEmpty()) {
                return codes;
            }
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
            Map<Long, List<Long>> coordinators = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT task_id, agency_id FROM task_coordinator WHERE task_id IN (" + in + ")");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    coordinators.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    agencyIds.add(rs.getLong(2));
                }
            }
            Map<Long, String> agencies = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name FROM agency WHERE id IN ("
                    + agencyIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    agencies.put(rs.getLong(1), rs.getString(2) + rs.getString(3));
                }
            }
            if (!directiveIds.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, code, title FROM directive WHERE id IN ("
                        + directiveIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        agencies.put(-rs.getLong(1), rs.getString(2) + rs.getString(3));
                    }
                }
            }
            if (withAnnotation) {
                try (PreparedStatement ps = c.prepareStatement("SELECT a.task_id, a.text, a.blocking, a.raises_risk,"
                        + " a.resolved, a.created_by, a.created_at, rc.code, rc.name_vi FROM annotation a"
                        + " JOIN reason_category rc ON rc.id = a.category_id WHERE a.id IN (SELECT MAX(id) FROM annotation"
                        + " WHERE task_id IN (" + in + ") GROUP BY task_id)");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        agencies.put(-1_000_000_000L - rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return codes.stream().sorted().toList();
        }
    }
}
