package vn.tracker.review;

/**
 * One fired health rule. {@code message} follows the product convention "Vietnamese / English";
 * {@code detail} holds the numbers (days, percentages) or the annotation text behind it.
 */
public record RiskReason(RiskReasonCode code, String messageVi, String messageEn, String detail) {

    public static RiskReason of(RiskReasonCode code, String detailVi, String detailEn) {
        return new RiskReason(code, code.vi(), code.en(), detailVi + " / " + detailEn);
    }

    public String message() {
        return messageVi + " / " + messageEn;
    }
}
