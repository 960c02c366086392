package vn.tracker.bench.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import vn.tracker.bench.BenchContext;
import vn.tracker.bench.BenchOperation;
import vn.tracker.bench.HealthSql;

/**
 * The working group's weekly review of one province (live, as of a date), as a client gets it by
 * default: every lead agency's exact overdue / at-risk / unexplained counts with its first 20 items
 * (overdue first, then by code) with reasons and latest annotation, the first 20 unexplained tasks,
 * totals. Baseline, the same work by hand: the province's flagged tasks in review order with
 * health and "has an open annotation" in one query (counted and cut in Java), the latest
 * annotations of the kept tasks in one, totals in one aggregate. (Reason texts are left out of the
 * baseline: they are computed in Java from the same row, no extra SQL.) The full answer is
 * {@link WeeklyReviewFullOperation}.
 */
public class WeeklyReviewOperation implements BenchOperation {

    static final String PROVINCE = "P01";
    /** The product's default items per group and unexplained tasks. */
    static final int ITEMS = 20;
    private static final String DOCUMENT = "query BenchWeeklyReview($asOf: Date) {"
            + " weeklyReview(asOf: $asOf, filter: { province: \"" + PROVINCE + "\" }, live: true) {"
            + " asOf totals { overdue atRisk flagged unexplained tasks done onTrack }"
            + " groups { agencyCode agencyName overdue atRisk unexplained"
            + "   items { code title directiveCode dueOn status progress health reasons { code message }"
            + "     latestAnnotation { categoryCode text blocking resolved } explained } }"
            + " unexplained { code } } }";

    @Override
    public String name() {
        return "review";
    }

    @Override
    public String unsupportedReason(BenchContext ctx) {
        return unsupported(ctx);
    }

    /** Builds before the review cut its item lists answer every item: time them with their own bench. */
    static String unsupported(BenchContext ctx) {
        if (ctx.schema().getQueryType().getFieldDefinition("weeklyReview") == null) {
            return "Query.weeklyReview not in this build";
        }
        var group = ctx.schema().getObjectType("ReviewAgencyGroup");
        return group == null || group.getFieldDefinition("items").getArgument("first") == null
                ? "ReviewAgencyGroup.items has no first/offset in this build (it answers every item)" : null;
    }

    @Override
    public Object product(BenchContext ctx, int iteration) throws Exception {
        return itemCodes(ctx, DOCUMENT);
    }

    /** The codes of the groups' items in the product's answer, sorted (the comparable answer). */
    static List<String> itemCodes(BenchContext ctx, String document) throws Exception {
        JsonNode review = ctx.graphql(document, Map.of("asOf", ctx.asOf().toString())).get("weeklyReview");
        List<String> codes = new ArrayList<>();
        review.get("groups").forEach(g -> g.get("items").forEach(i -> codes.add(i.get("code").asString())));
        return codes.stream().sorted().toList();
    }

    /** The latest annotation (with its category) of each task, read as a client would. */
    static void readLatestAnnotations(Connection c, List<Long> taskIds) throws Exception {
        String in = taskIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (PreparedStatement ps = c.prepareStatement("SELECT a.task_id, a.text, a.blocking, a.resolved, rc.code"
                + " FROM annotation a JOIN reason_category rc ON rc.id = a.category_id WHERE a.id IN"
                + " (SELECT MAX(id) FROM annotation WHERE task_id IN (" + in + ") GROUP BY task_id)");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getString(2);
            }
        }
    }

    @Override
    public Object baseline(BenchContext ctx, int iteration) throws Exception {
        try (Connection c = ctx.jdbc()) {
            String overdue = HealthSql.overdue(ctx.asOf());
            Map<String, int[]> groups = new LinkedHashMap<>(); // agency code → flagged, overdue, unexplained
            List<Long> kept = new ArrayList<>();
            List<String> keptCodes = new ArrayList<>();
            List<String> unexplained = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.code, t.title, t.due_on, t.status, t.progress,"
                    + " ag.code, ag.name, t.last_report_on, t.start_day, t.due_day, "
                    + HealthSql.healthCase(ctx.asOf()) + " AS health,"
                    + " EXISTS (SELECT 1 FROM annotation o WHERE o.task_id = t.id AND o.resolved = FALSE) AS explained"
                    + " FROM task t JOIN agency ag ON ag.id = t.lead_agency_id"
                    + " WHERE t.province_code = ? AND t.duplicate_of_id IS NULL"
                    + " AND (" + overdue + " OR " + HealthSql.atRisk(ctx.asOf()) + ")"
                    + " ORDER BY ag.code, CASE WHEN " + overdue + " THEN 0 ELSE 1 END, t.code")) {
                ps.setString(1, PROVINCE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int[] g = groups.computeIfAbsent(rs.getString(7), k -> new int[3]);
                        if (g[0]++ < ITEMS) {
                            kept.add(rs.getLong(1));
                            keptCodes.add(rs.getString(2));
                        }
                        if ("OVERDUE".equals(rs.getString(12))) {
                            g[1]++;
                        }
                        if (!rs.getBoolean(13)) {
                            g[2]++;
                            if (unexplained.size() < ITEMS) {
                                unexplained.add(rs.getString(2));
                            }
                        }
                    }
                }
            }
            if (!kept.isEmpty()) {
                readLatestAnnotations(c, kept);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*),"
                    + " SUM(CASE WHEN " + HealthSql.done(ctx.asOf()) + " THEN 1 ELSE 0 END)"
                    + " FROM task t WHERE t.province_code = ? AND t.duplicate_of_id IS NULL")) {
                ps.setString(1, PROVINCE);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            return keptCodes.stream().sorted().toList();
        }
    }
}
