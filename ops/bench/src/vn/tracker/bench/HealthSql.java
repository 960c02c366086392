package vn.tracker.bench;

import java.time.LocalDate;

/**
 * The health rules of DESIGN.md written by hand as SQL over the task columns, with the default
 * thresholds (horizon 14 days, 20 points behind pace, not started after 50 % of the time, no
 * report for 30 days, open blocking or risk-raising annotation). Baselines use it; it is what a
 * developer would write without the product's query layer.
 */
public final class HealthSql {

    private HealthSql() {
    }

    public static String done(LocalDate asOf) {
        return "(t.status = 'CANCELLED' OR (t.status = 'COMPLETED' AND (t.completed_on IS NULL OR t.completed_on <= '"
                + asOf + "')))";
    }

    public static String overdue(LocalDate asOf) {
        return "(NOT " + done(asOf) + " AND t.status <> 'ONGOING' AND t.due_on IS NOT NULL AND t.due_on < '" + asOf + "')";
    }

    public static String atRisk(LocalDate asOf) {
        int day = (int) asOf.toEpochDay();
        String behindPace = "(t.status <> 'ONGOING' AND t.due_on IS NOT NULL AND t.start_day IS NOT NULL"
                + " AND t.due_on >= '" + asOf + "' AND t.due_on <= '" + asOf.plusDays(14) + "'"
                + " AND t.start_day < t.due_day AND t.start_day < " + day
                + " AND (" + day + " - t.start_day) * 100 - (t.progress + 20) * (t.due_day - t.start_day) > 0)";
        String notStartedLate = "(t.status = 'NOT_STARTED' AND t.due_day IS NOT NULL AND t.start_day IS NOT NULL"
                + " AND t.start_day < t.due_day AND (" + day + " - t.start_day) * 100 - (t.due_day - t.start_day) * 50 >= 0)";
        String stale = "((t.last_report_on IS NOT NULL AND t.last_report_on <= '" + asOf.minusDays(30) + "')"
                + " OR (t.last_report_on IS NULL AND t.start_day IS NOT NULL AND t.start_day <= " + (day - 30) + "))";
        String flagged = "EXISTS (SELECT 1 FROM annotation a WHERE a.task_id = t.id AND a.resolved = FALSE"
                + " AND (a.blocking = TRUE OR a.raises_risk = TRUE))";
        return "(NOT " + done(asOf) + " AND NOT (t.status <> 'ONGOING' AND t.due_on IS NOT NULL AND t.due_on < '" + asOf
                + "') AND (" + behindPace + " OR " + notStartedLate + " OR " + stale + " OR " + flagged + "))";
    }

    /** A CASE expression giving DONE / OVERDUE / AT_RISK / ON_TRACK. */
    public static String healthCase(LocalDate asOf) {
        return "CASE WHEN " + done(asOf) + " THEN 'DONE' WHEN " + overdue(asOf) + " THEN 'OVERDUE' WHEN "
                + atRisk(asOf) + " THEN 'AT_RISK' ELSE 'ON_TRACK' END";
    }
}
