package vn.tracker.bench.operations;

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
import vn.tracker.bench.BenchContext;
import vn.tracker.bench.BenchOperation;
import vn.tracker.bench.HealthSql;

/**
 * The weekly review of one province with EVERY item (groups.items and unexplained with
 * {@code first: null}): what the review operation asked for before the review cut its lists
 * (15,000 items for P01 at national scale). Run only when named ({@code --only review_full}).
 * Baseline, as measured since the first national run: the flagged tasks with their health in one
 * query, agencies and latest annotations in one query each, totals in one aggregate. (Reason texts
 * are left out of the baseline: they are computed in Java from the same row, no extra SQL.)
 */
public class WeeklyReviewFullOperation implements BenchOperation {

    static final String PROVINCE = WeeklyReviewOperation.PROVINCE;
    private static final String DOCUMENT = "query BenchWeeklyReviewFull($asOf: Date) {"
            + " weeklyReview(asOf: $asOf, filter: { province: \"" + PROVINCE + "\" }, live: true) {"
            + " asOf totals { overdue atRisk flagged unexplained tasks done onTrack }"
            + " groups { agencyCode agencyName overdue atRisk unexplained"
            + "   items(first: null) { code title directiveCode dueOn status progress health reasons { code message }"
            + "     latestAnnotation { categoryCode text blocking resolved } explained } }"
            + " unexplained(first: null) { code } } }";

    @Override
    public String name() {
        return "review_full";
    }

    @Override
    public boolean runsByDefault() {
        return false;
    }

    @Override
    public String unsupportedReason(BenchContext ctx) {
        return WeeklyReviewOperation.unsupported(ctx);
    }

    @Override
    public java.util.Map<String, String> summary(vn.tracker.bench.OperationResult result) {
        return java.util.Map.of();
    }

    @Override
    public Object product(BenchContext ctx, int iteration) throws Exception {
        return WeeklyReviewOperation.itemCodes(ctx, DOCUMENT);
    }

    @Override
    public Object baseline(BenchContext ctx, int iteration) throws Exception {
        try (Connection c = ctx.jdbc()) {
            List<Long> ids = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            Set<Long> agencyIds = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.code, t.title, t.due_on, t.status, t.progress,"
                    + " t.lead_agency_id, t.last_report_on, t.start_day, t.due_day, "
                    + HealthSql.healthCase(ctx.asOf()) + " AS health FROM task t WHERE t.province_code = ? AND t.duplicate_of_id IS NULL"
                    + " AND (" + HealthSql.overdue(ctx.asOf()) + " OR " + HealthSql.atRisk(ctx.asOf()) + ")"
                    + " ORDER BY t.lead_agency_id, t.due_on")) {
                ps.setString(1, PROVINCE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        codes.add(rs.getString(2));
                        agencyIds.add(rs.getLong(7));
                    }
                }
            }
            if (!ids.isEmpty()) {
                Map<Long, String> names = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name FROM agency WHERE id IN ("
                        + agencyIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getLong(1), rs.getString(3));
                    }
                }
                WeeklyReviewOperation.readLatestAnnotations(c, ids);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*),"
                    + " SUM(CASE WHEN " + HealthSql.done(ctx.asOf()) + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN " + HealthSql.overdue(ctx.asOf()) + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN " + HealthSql.atRisk(ctx.asOf()) + " THEN 1 ELSE 0 END)"
                    + " FROM task t WHERE t.province_code = ? AND t.duplicate_of_id IS NULL")) {
                ps.setString(1, PROVINCE);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            return codes.stream().sorted().toList();
        }
    }
}
