package vn.tracker.review;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tracker.health.*}: the default thresholds and per-program overrides, e.g.
 * <pre>
 * tracker.health.stale-days: 30
 * tracker.health.programs.DA06.stale-days: 14
 * </pre>
 * Unset override fields fall back to the defaults.
 */
@ConfigurationProperties("tracker.health")
public class HealthProperties {

    private int horizonDays = HealthThresholds.DEFAULTS.horizonDays();
    private int behindPacePoints = HealthThresholds.DEFAULTS.behindPacePoints();
    private int staleDays = HealthThresholds.DEFAULTS.staleDays();
    private int notStartedElapsedPercent = HealthThresholds.DEFAULTS.notStartedElapsedPercent();
    private Map<String, Override> programs = new LinkedHashMap<>();

    /** Optional per-program values; null means "use the default". */
    public static class Override {
        private Integer horizonDays;
        private Integer behindPacePoints;
        private Integer staleDays;
        private Integer notStartedElapsedPercent;

        public Integer getHorizonDays() {
            return horizonDays;
        }

        public void setHorizonDays(Integer horizonDays) {
            this.horizonDays = horizonDays;
        }

        public Integer getBehindPacePoints() {
            return behindPacePoints;
        }

        public void setBehindPacePoints(Integer behindPacePoints) {
            this.behindPacePoints = behindPacePoints;
        }

        public Integer getStaleDays() {
            return staleDays;
        }

        public void setStaleDays(Integer staleDays) {
            this.staleDays = staleDays;
        }

        public Integer getNotStartedElapsedPercent() {
            return notStartedElapsedPercent;
        }

        public void setNotStartedElapsedPercent(Integer notStartedElapsedPercent) {
            this.notStartedElapsedPercent = notStartedElapsedPercent;
        }
    }

    public HealthThresholds defaults() {
        return new HealthThresholds(horizonDays, behindPacePoints, staleDays, notStartedElapsedPercent);
    }

    /** Program code → effective thresholds, sorted by code so evaluation order is stable. */
    public Map<String, HealthThresholds> programThresholds() {
        HealthThresholds d = defaults();
        Map<String, HealthThresholds> result = new TreeMap<>();
        programs.forEach((code, o) -> result.put(code, new HealthThresholds(
                o.horizonDays != null ? o.horizonDays : d.horizonDays(),
                o.behindPacePoints != null ? o.behindPacePoints : d.behindPacePoints(),
                o.staleDays != null ? o.staleDays : d.staleDays(),
                o.notStartedElapsedPercent != null ? o.notStartedElapsedPercent : d.notStartedElapsedPercent())));
        return result;
    }

    public int getHorizonDays() {
        return horizonDays;
    }

    public void setHorizonDays(int horizonDays) {
        this.horizonDays = horizonDays;
    }

    public int getBehindPacePoints() {
        return behindPacePoints;
    }

    public void setBehindPacePoints(int behindPacePoints) {
        this.behindPacePoints = behindPacePoints;
    }

    public int getStaleDays() {
        return staleDays;
    }

    public void setStaleDays(int staleDays) {
        this.staleDays = staleDays;
    }

    public int getNotStartedElapsedPercent() {
        return notStartedElapsedPercent;
    }

    public void setNotStartedElapsedPercent(int notStartedElapsedPercent) {
        this.notStartedElapsedPercent = notStartedElapsedPercent;
    }

    public Map<String, Override> getPrograms() {
        return programs;
    }

    public void setPrograms(Map<String, Override> programs) {
        this.programs = programs;
    }
}
