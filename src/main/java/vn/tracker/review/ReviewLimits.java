package vn.tracker.review;

import java.util.List;

/**
 * How many items of a review to build: the first {@code itemsPerGroup} of each lead agency's group,
 * at most {@code groupItems} over all groups (later groups keep their counts but no items), and the
 * first {@code unexplained} of the "chưa giải trình" list (null: no limit). Counts and totals are
 * always over every flagged task; only the item lists are cut. A province at national scale has
 * ~15,000 flagged tasks: nobody reviews them in one screen, and building them all cost seconds.
 */
public record ReviewLimits(Integer itemsPerGroup, Integer groupItems, Integer unexplained) {

    /** Everything, as a closed snapshot and the appendix keep it. */
    public static final ReviewLimits ALL = new ReviewLimits(null, null, null);

    public ReviewLimits {
        if (negative(itemsPerGroup) || negative(groupItems) || negative(unexplained)) {
            throw new IllegalArgumentException("negative limit");
        }
    }

    private static boolean negative(Integer n) {
        return n != null && n < 0;
    }

    /** Whether the item at this index of its group is kept, {@code kept} items being kept so far. */
    boolean keepInGroup(int index, int kept) {
        return (itemsPerGroup == null || index < itemsPerGroup) && (groupItems == null || kept < groupItems);
    }

    boolean keepUnexplained(int index) {
        return unexplained == null || index < unexplained;
    }

    /** A stored (complete) review cut to these limits, counts unchanged. */
    WeeklyReview apply(WeeklyReview review) {
        if (itemsPerGroup == null && groupItems == null && unexplained == null) {
            return review;
        }
        List<WeeklyReview.AgencyGroup> groups = new java.util.ArrayList<>();
        int kept = 0;
        for (WeeklyReview.AgencyGroup g : review.groups()) {
            Integer room = groupItems == null ? itemsPerGroup
                    : Integer.valueOf(Math.min(groupItems - kept, itemsPerGroup == null ? Integer.MAX_VALUE : itemsPerGroup));
            List<WeeklyReview.Item> items = head(g.items(), room);
            kept += items.size();
            groups.add(new WeeklyReview.AgencyGroup(g.agencyCode(), g.agencyName(), g.overdue(), g.atRisk(),
                    g.unexplained(), items));
        }
        return new WeeklyReview(review.asOf(), review.week(), review.closed(), review.closedBy(), review.closedAt(),
                review.totals(), groups, head(review.unexplained(), unexplained), review.changes(),
                review.previousAsOf());
    }

    private static <T> List<T> head(List<T> list, Integer n) {
        return n == null || list.size() <= n ? list : List.copyOf(list.subList(0, n));
    }
}
