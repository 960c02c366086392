package vn.tracker.bench.operations;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import vn.tracker.bench.BenchContext;
import vn.tracker.bench.BenchOperation;
import vn.tracker.bench.GraphQlShapes;
import vn.tracker.bench.HealthSql;

/**
 * Statistics by lead agency for one province (counts per health as of a date) through the API's
 * {@code taskStats}. The document adapts to the argument names the API has (groupBy enum with an
 * AGENCY value, asOf, a filter with province). Baseline: one GROUP BY with CASE sums.
 */
public class TaskStatsOperation implements BenchOperation {

    static final String PROVINCE = "P01";

    private String document;
    private Map<String, Object> variables;
    private boolean byProvince;

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String unsupportedReason(BenchContext ctx) {
        return new GraphQlShapes(ctx.schema()).query("taskStats") == null ? "Query.taskStats not in this build" : null;
    }

    @Override
    public void prepare(BenchContext ctx) {
        GraphQlShapes shapes = new GraphQlShapes(ctx.schema());
        GraphQLFieldDefinition field = shapes.query("taskStats");
        StringBuilder args = new StringBuilder();
        variables = new HashMap<>();
        for (GraphQLArgument a : field.getArguments()) {
            var type = GraphQLTypeUtil.unwrapAll(a.getType());
            if (a.getName().equals("asOf")) {
                append(args, "asOf: $asOf");
                variables.put("asOf", ctx.asOf().toString());
            } else if (type instanceof GraphQLEnumType e && a.getName().toLowerCase().contains("group")) {
                String value = e.getValues().stream().map(GraphQLEnumValueDefinition::getName)
                        .filter(v -> v.equals("LEAD_AGENCY")).findFirst()
                        .orElse(e.getValues().stream().map(GraphQLEnumValueDefinition::getName)
                                .filter(v -> v.contains("AGENCY")).findFirst().orElse(null));
                if (value != null) {
                    append(args, a.getName() + ": " + (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(a.getType()))
                            ? "[" + value + "]" : value));
                }
            } else if (type instanceof GraphQLInputObjectType input && input.getField("province") != null) {
                append(args, a.getName() + ": { province: \"" + PROVINCE + "\" }");
                byProvince = true;
            } else if (a.getName().equals("province")) {
                append(args, "province: \"" + PROVINCE + "\"");
                byProvince = true;
            }
        }
        String returnType = GraphQLTypeUtil.unwrapAll(field.getType()).getName();
        // What the baseline computes: per lead agency its code, name and the total, done, overdue
        // and at-risk counts (older builds without groups: every field, as before).
        String selection = shapes.typeHasField(returnType, "groups") && shapes.typeHasField("TaskStatsGroup", "agency")
                ? "{ groups { agency { code name } counts { total done overdue atRisk } } }"
                : GraphQLTypeUtil.unwrapAll(field.getType()) instanceof graphql.schema.GraphQLFieldsContainer
                ? shapes.selectAll(returnType, 2) : "";
        String vars = variables.containsKey("asOf") ? "($asOf: Date)" : "";
        document = "query BenchTaskStats" + vars + " { taskStats" + (args.isEmpty() ? "" : "(" + args + ")") + " "
                + selection + " }";
        ctx.record("stats_document", document);
    }

    private static void append(StringBuilder args, String arg) {
        if (!args.isEmpty()) {
            args.append(", ");
        }
        args.append(arg);
    }

    @Override
    public Object product(BenchContext ctx, int iteration) throws Exception {
        ctx.graphql(document, variables);
        return null;
    }

    @Override
    public Object baseline(BenchContext ctx, int iteration) throws Exception {
        try (Connection c = ctx.jdbc();
             PreparedStatement ps = c.prepareStatement("SELECT a.code, a.name, COUNT(*) total,"
                     + " SUM(CASE WHEN " + HealthSql.done(ctx.asOf()) + " THEN 1 ELSE 0 END) done,"
                     + " SUM(CASE WHEN " + HealthSql.overdue(ctx.asOf()) + " THEN 1 ELSE 0 END) overdue,"
                     + " SUM(CASE WHEN " + HealthSql.atRisk(ctx.asOf()) + " THEN 1 ELSE 0 END) at_risk"
                     + " FROM task t JOIN agency a ON a.id = t.lead_agency_id"
                     + (byProvince ? " WHERE t.province_code = '" + PROVINCE + "'" : "")
                     + " GROUP BY a.id, a.code, a.name ORDER BY a.code");
             ResultSet rs = ps.executeQuery()) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        }
    }
}
