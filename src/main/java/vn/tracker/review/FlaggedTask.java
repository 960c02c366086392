package vn.tracker.review;

/**
 * What the review counts for every flagged task (group, overdue or at risk, explained) and the
 * few columns a "changed since last week" entry shows; items need {@link FlaggedTaskRow}.
 */
record FlaggedTask(Long id, String code, String province, String title, String leadAgencyCode,
        String leadAgencyName, boolean overdue, boolean explained) {
}
