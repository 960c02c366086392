package vn.tracker.directive;

/** Nghị quyết, Quyết định, Kế hoạch, Thông báo kết luận, Chỉ thị, Công văn, Báo cáo. */
public enum DirectiveKind {
    RESOLUTION, DECISION, PLAN, CONCLUSION_NOTICE, DIRECTIVE, OFFICIAL_LETTER, REPORT
}
