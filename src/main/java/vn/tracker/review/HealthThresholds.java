package vn.tracker.review;

/**
 * The numbers behind the AT_RISK rules of DESIGN.md. Defaults come from {@code tracker.health.*};
 * a program (NQ57, DA06, …) may override any of them under {@code tracker.health.programs.<CODE>}.
 *
 * @param horizonDays              a task due within this many days is checked against its pace
 * @param behindPacePoints         … and is at risk when its progress trails the linear pace by more
 * @param staleDays                no progress report for this many days (or since the start) is a risk
 * @param notStartedElapsedPercent not started when at least this share of its time has elapsed
 */
public record HealthThresholds(int horizonDays, int behindPacePoints, int staleDays, int notStartedElapsedPercent) {

    public static final HealthThresholds DEFAULTS = new HealthThresholds(14, 20, 30, 50);

    public HealthThresholds {
        if (horizonDays < 0 || behindPacePoints < 0 || behindPacePoints > 100 || staleDays < 1
                || notStartedElapsedPercent < 0 || notStartedElapsedPercent > 100) {
            throw new IllegalArgumentException("tracker.health thresholds out of range: horizonDays=" + horizonDays
                    + ", behindPacePoints=" + behindPacePoints + ", staleDays=" + staleDays
                    + ", notStartedElapsedPercent=" + notStartedElapsedPercent);
        }
    }
}
