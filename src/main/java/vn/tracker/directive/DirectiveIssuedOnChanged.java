package vn.tracker.directive;

import java.time.LocalDate;

/**
 * A directive's issued date changed (published inside the changing transaction). Tasks without a
 * start date count their time from it, so the task feature re-derives their stored start day.
 */
public record DirectiveIssuedOnChanged(long directiveId, LocalDate issuedOn) {
}
