package vn.tracker.pilot;

import java.util.List;
import vn.tracker.directive.Directive;

/**
 * Mô hình điểm, declared against entered: for each set of models a document declares (a decision
 * or a report's label), the totals it declares per program beside the models entered in the
 * registry and their statuses; plus the conflicts between documents.
 */
public record PilotModelPortfolio(List<ModelSet> sets, List<Conflict> conflicts) {

    /** A set of models as a document names it: "342-QĐ/TU", "TCT06-42". */
    public record ModelSet(String name, String provinceCode, Directive decision, List<Line> lines) {
    }

    /**
     * One program of a set (programCode ALL for the grand total). entered* are null when the set
     * names no decision of the registry, so the models cannot be attributed to it.
     */
    public record Line(String programCode, Integer declared, Integer declaredCompleted, Integer declaredInProgress,
            Long entered, Long enteredCompleted, Long enteredInProgress, Long enteredNotStarted, Long enteredCancelled,
            String source) {

        /** entered − declared, when both are known. */
        public Long difference() {
            return declared == null || entered == null ? null : entered - declared;
        }
    }

    /** Figures that cannot all be true: documents (or one document's parts) disagree. */
    public record Conflict(String provinceCode, String programCode, List<String> sets, List<Integer> values,
            String message) {
    }
}
