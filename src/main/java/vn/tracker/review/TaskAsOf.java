package vn.tracker.review;

import java.time.LocalDate;
import vn.tracker.task.Task;

/** DataLoader key for fields that take asOf: the batch loader groups keys by date. */
record TaskAsOf(Task task, LocalDate asOf) {
}
