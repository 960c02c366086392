package vn.tracker.review;

/** Why a task is red or amber: one code per health rule of DESIGN.md. */
public enum RiskReasonCode {
    /** Quá hạn: not done and due before the as-of date. */
    OVERDUE("Quá hạn", "Overdue"),
    /** Due within the horizon while progress trails the linear pace. */
    BEHIND_PACE("Chậm so với tiến độ", "Behind pace"),
    /** Still not started after the configured share of its time. */
    NOT_STARTED_LATE("Chưa triển khai khi đã quá nửa thời gian", "Not started after half its time"),
    /** No progress report for the configured number of days. */
    NO_RECENT_REPORT("Không có báo cáo tiến độ", "No recent progress report"),
    /** An open annotation marked blocking (điểm nghẽn). */
    BLOCKING_ANNOTATION("Có điểm nghẽn chưa giải quyết", "Open blocking issue"),
    /** A person raised the task to AT_RISK with a reason. */
    MARKED_AT_RISK("Được đánh dấu có nguy cơ", "Marked at risk");

    private final String vi;
    private final String en;

    RiskReasonCode(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }
}
