package vn.tracker.task;

/** How precisely a document set a deadline: a day, a month, a quarter or a year. */
public enum DueResolution {
    DAY, MONTH, QUARTER, YEAR
}
