package vn.tracker.indicator;

/** How values combine across child agencies and across time. RATIO = Σnumerator / Σdenominator. */
public enum Aggregation {
    SUM, AVERAGE, RATIO, LAST, MIN, MAX
}
