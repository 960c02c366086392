package vn.tracker.task;

import java.io.Serializable;

/**
 * The inline "add a reason" form of a task list row, as typed (kept to re-show it on errors).
 * Serializable: without JavaScript a refused form travels to the list as a flash attribute, which
 * lives in the database-backed session.
 */
public record AnnotationForm(String category, String text, Boolean blocking) implements Serializable {
}
