package vn.tracker.review;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.tracker.task.TaskHealth;
import vn.tracker.task.TaskStatus;

/**
 * The health rules of DESIGN.md evaluated in Java for tasks already loaded. {@link HealthPredicates}
 * states exactly the same rules in SQL; HealthRulesAgreementTest keeps the two in step. Integer
 * arithmetic only (no division), so both sides round identically.
 */
final class HealthRules {

    private final HealthThresholds defaults;
    private final Map<String, HealthThresholds> programThresholds;

    HealthRules(HealthThresholds defaults, Map<String, HealthThresholds> programThresholds) {
        this.defaults = defaults;
        this.programThresholds = programThresholds;
    }

    /**
     * Done as of the date: cancelled, or completed on or before it (a completion date after the
     * as-of date means the task was still open then; an unknown completion date counts as done).
     */
    static boolean isDone(TaskRiskFacts t, LocalDate asOf) {
        return t.status() == TaskStatus.CANCELLED
                || t.status() == TaskStatus.COMPLETED && (t.completedOn() == null || !t.completedOn().isAfter(asOf));
    }

    static boolean isOverdue(TaskRiskFacts t, LocalDate asOf) {
        return !isDone(t, asOf) && t.status() != TaskStatus.ONGOING && t.dueOn() != null && t.dueOn().isBefore(asOf);
    }

    HealthAssessment assess(TaskRiskFacts t, LocalDate asOf) {
        if (isDone(t, asOf)) {
            return new HealthAssessment(TaskHealth.DONE, List.of());
        }
        List<RiskReason> reasons = new ArrayList<>();
        boolean overdue = isOverdue(t, asOf);
        if (overdue) {
            long days = ChronoUnit.DAYS.between(t.dueOn(), asOf);
            reasons.add(RiskReason.of(RiskReasonCode.OVERDUE, "Quá hạn " + days + " ngày (hạn " + t.dueOn() + ")",
                    days + " days past due (" + t.dueOn() + ")"));
        }
        List<HealthThresholds> applicable = applicable(t);
        for (HealthThresholds th : applicable) {
            RiskReason r = behindPace(t, asOf, th);
            if (r != null) {
                reasons.add(r);
                break;
            }
        }
        for (HealthThresholds th : applicable) {
            RiskReason r = notStartedLate(t, asOf, th);
            if (r != null) {
                reasons.add(r);
                break;
            }
        }
        for (HealthThresholds th : applicable) {
            RiskReason r = stale(t, asOf, th);
            if (r != null) {
                reasons.add(r);
                break;
            }
        }
        if (t.blocking() != null) {
            reasons.add(RiskReason.of(RiskReasonCode.BLOCKING_ANNOTATION,
                    "[" + t.blocking().categoryCode() + "] " + t.blocking().text(),
                    "[" + t.blocking().categoryCode() + "] " + t.blocking().text()));
        }
        if (t.raised() != null) {
            reasons.add(RiskReason.of(RiskReasonCode.MARKED_AT_RISK,
                    "[" + t.raised().categoryCode() + "] " + t.raised().text(),
                    "[" + t.raised().categoryCode() + "] " + t.raised().text()));
        }
        TaskHealth health = overdue ? TaskHealth.OVERDUE : reasons.isEmpty() ? TaskHealth.ON_TRACK : TaskHealth.AT_RISK;
        return new HealthAssessment(health, List.copyOf(reasons));
    }

    /**
     * The thresholds that apply: those of every overriding program the task belongs to (a rule
     * fires if it fires under any of them: the strictest wins), else the defaults.
     */
    private List<HealthThresholds> applicable(TaskRiskFacts t) {
        List<HealthThresholds> result = new ArrayList<>();
        programThresholds.forEach((code, th) -> {
            if (t.programCodes().contains(code)) {
                result.add(th);
            }
        });
        return result.isEmpty() ? List.of(defaults) : result;
    }

    /** Due within the horizon (not yet overdue) and progress behind the linear pace by more than B points. */
    static RiskReason behindPace(TaskRiskFacts t, LocalDate asOf, HealthThresholds th) {
        if (t.status() == TaskStatus.ONGOING || t.dueOn() == null || t.start() == null
                || t.dueOn().isBefore(asOf) || !t.start().isBefore(t.dueOn()) || !t.start().isBefore(asOf)) {
            return null;
        }
        long toDue = ChronoUnit.DAYS.between(asOf, t.dueOn());
        if (toDue > th.horizonDays()) {
            return null;
        }
        long elapsed = ChronoUnit.DAYS.between(t.start(), asOf);
        long span = ChronoUnit.DAYS.between(t.start(), t.dueOn());
        // expected = 100 * elapsed / span; fires when expected - progress > B, kept in integers.
        if (100 * elapsed - (long) (t.progress() + th.behindPacePoints()) * span <= 0) {
            return null;
        }
        long expected = 100 * elapsed / span;
        return RiskReason.of(RiskReasonCode.BEHIND_PACE,
                "Còn " + toDue + " ngày đến hạn, tiến độ " + t.progress() + "% so với dự kiến " + expected + "%",
                toDue + " days to due date, progress " + t.progress() + "% against " + expected + "% expected");
    }

    /** Status NOT_STARTED once at least the configured share of start..due has elapsed. */
    static RiskReason notStartedLate(TaskRiskFacts t, LocalDate asOf, HealthThresholds th) {
        if (t.status() != TaskStatus.NOT_STARTED || t.dueOn() == null || t.start() == null
                || !t.start().isBefore(t.dueOn())) {
            return null;
        }
        long elapsed = ChronoUnit.DAYS.between(t.start(), asOf);
        long span = ChronoUnit.DAYS.between(t.start(), t.dueOn());
        if (100 * elapsed < (long) th.notStartedElapsedPercent() * span) {
            return null;
        }
        return RiskReason.of(RiskReasonCode.NOT_STARTED_LATE,
                "Đã qua " + elapsed + "/" + span + " ngày mà chưa triển khai",
                elapsed + " of " + span + " days elapsed, not started");
    }

    /** No progress report in the last N days: since the last report, or since the start if none. */
    static RiskReason stale(TaskRiskFacts t, LocalDate asOf, HealthThresholds th) {
        LocalDate since = t.lastReportOn() != null ? t.lastReportOn() : t.start();
        if (since == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(since, asOf);
        if (days < th.staleDays()) {
            return null;
        }
        return t.lastReportOn() != null
                ? RiskReason.of(RiskReasonCode.NO_RECENT_REPORT,
                        days + " ngày chưa báo cáo tiến độ (lần cuối " + t.lastReportOn() + ")",
                        "no progress report for " + days + " days (last " + t.lastReportOn() + ")")
                : RiskReason.of(RiskReasonCode.NO_RECENT_REPORT,
                        "Chưa có báo cáo tiến độ nào sau " + days + " ngày",
                        "no progress report in the " + days + " days since the start");
    }
}
