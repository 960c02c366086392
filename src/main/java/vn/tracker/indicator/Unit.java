package vn.tracker.indicator;

/** Units of the sample indicators; money is in millions of đồng. */
public enum Unit {
    PERCENT, COUNT, POINTS, RANK, VND_MILLION
}
