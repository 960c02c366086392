package vn.tracker.pilot;

/** Where a pilot model (mô hình điểm) stands. */
public enum PilotModelStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, CANCELLED
}
