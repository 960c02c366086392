package vn.tracker.task;

import java.time.LocalDate;

/** Minh chứng as sent by a client: a title and a document number and/or a link. */
public record EvidenceInput(String title, String documentNumber, String url, LocalDate datedOn) {
}
