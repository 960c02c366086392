package vn.tracker.review;

import java.util.List;

/**
 * How many items of a review to build: the first {@code itemsPerGroup} of each lead agency's group
 * and the first {@code unexplained} of the "chưa giải trình" list (null: all). Counts and totals
 * are always over every flagged task; only the item lists are cut. A province at national scale
 * has ~15,000 flagged tasks: nobody reviews them in one screen, and building them all cost seconds.
 */
public record ReviewLimits(Integer itemsPerGroup, Integer unexplained) {

    /** Everything, as a closed snapshot and the appendix keep it. */
    public static final ReviewLimits ALL = new ReviewLimits(null, null);

    public ReviewLimits {
        if (itemsPerGroup != null && itemsPerGroup < 0 || unexplained != null && unexplained < 0) {
            throw new IllegalArgumentException("negative limit");
        }
    }

    boolean keepInGroup(int index) {
        return itemsPerGroup == null || index < itemsPerGroup;
    }

    boolean keepUnexplained(int index) {
        return unexplained == null || index < unexplained;
    }

    /** A stored (complete) review cut to these limits, counts unchanged. */
    WeeklyReview apply(WeeklyReview review) {
        if (itemsPerGroup == null && unexplained == null) {
            return review;
        }
        List<WeeklyReview.AgencyGroup> groups = review.groups().stream()
                .map(g -> new WeeklyReview.AgencyGroup(g.agencyCode(), g.agencyName(), g.overdue(), g.atRisk(),
                        g.unexplained(), head(g.items(), itemsPerGroup)))
                .toList();
        return new WeeklyReview(review.asOf(), review.week(), review.closed(), review.closedBy(), review.closedAt(),
                review.totals(), groups, head(review.unexplained(), unexplained), review.changes(),
                review.previousAsOf());
    }

    private static <T> List<T> head(List<T> list, Integer n) {
        return n == null || list.size() <= n ? list : List.copyOf(list.subList(0, n));
    }
}
