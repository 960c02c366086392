package vn.tracker.indicator;

/** Whether a higher value is better (digitization rate) or a lower one (rank). */
public enum Direction {
    HIGHER_BETTER, LOWER_BETTER
}
