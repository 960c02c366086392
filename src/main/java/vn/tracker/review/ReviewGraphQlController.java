package vn.tracker.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.Payloads;
import vn.tracker.task.Task;
import vn.tracker.task.TaskService;

/** weeklyReview and closedWeeklyReviews. */
@Controller
class ReviewGraphQlController {

    /** The schema's default for {@code items(first:)} and {@code unexplained(first:)}. */
    static final int DEFAULT_ITEMS = 20;

    /** Mirrors the ReviewFilter input. */
    record ReviewFilterInput(String province, List<String> leadAgencies, List<String> programs) {
        ReviewScope scope() {
            return new ReviewScope(province, leadAgencies, programs);
        }
    }

    private final WeeklyReviewService reviews;
    private final TaskService tasks;
    private final AsOfDates asOfDates;

    ReviewGraphQlController(WeeklyReviewService reviews, TaskService tasks, AsOfDates asOfDates) {
        this.reviews = reviews;
        this.tasks = tasks;
        this.asOfDates = asOfDates;
    }

    /**
     * Builds only the items the document selects: for {@code groups.items} and {@code unexplained},
     * as many from the start as their {@code offset + first} reach (all when {@code first} is null).
     */
    @QueryMapping
    WeeklyReview weeklyReview(@Argument LocalDate asOf, @Argument ReviewFilterInput filter, @Argument Boolean live,
            DataFetchingFieldSelectionSet selection) {
        LocalDate date = asOfDates.orToday(asOf);
        ReviewScope scope = filter == null ? ReviewScope.ALL : filter.scope();
        ReviewLimits limits = new ReviewLimits(reach(selection.getFields("groups/items")), null,
                reach(selection.getFields("unexplained")));
        return Boolean.TRUE.equals(live) ? reviews.live(date, scope, limits) : reviews.review(date, scope, limits);
    }

    /** Items from the start the selected fields need: 0 when not selected, null for all. */
    static Integer reach(List<SelectedField> fields) {
        int reach = 0;
        for (SelectedField f : fields) {
            Map<String, Object> args = f.getArguments();
            if (args.containsKey("first") && args.get("first") == null) {
                return null;
            }
            reach = Math.max(reach, Math.addExact(offset(args.get("offset")), first(args.get("first"))));
        }
        return reach;
    }

    @SchemaMapping(typeName = "ReviewAgencyGroup")
    List<WeeklyReview.Item> items(WeeklyReview.AgencyGroup group, @Argument Integer first, @Argument Integer offset) {
        return slice(group.items(), first, offset);
    }

    @SchemaMapping(typeName = "WeeklyReview")
    List<WeeklyReview.Item> unexplained(WeeklyReview review, @Argument Integer first, @Argument Integer offset) {
        return slice(review.unexplained(), first, offset);
    }

    private static List<WeeklyReview.Item> slice(List<WeeklyReview.Item> items, Integer first, Integer offset) {
        int from = Math.min(items.size(), offset(offset));
        int to = first == null ? items.size() : (int) Math.min(items.size(), (long) from + first(first));
        return items.subList(from, to);
    }

    private static int first(Object first) {
        int n = first == null ? DEFAULT_ITEMS : ((Number) first).intValue();
        if (n < 0) {
            throw new BadInputException("first", "first không được âm / first must not be negative");
        }
        return n;
    }

    private static int offset(Object offset) {
        int n = offset == null ? 0 : ((Number) offset).intValue();
        if (n < 0) {
            throw new BadInputException("offset", "offset không được âm / offset must not be negative");
        }
        return n;
    }

    @QueryMapping
    List<WeeklyReview> closedWeeklyReviews(@Argument Integer first) {
        int n = first == null ? 20 : first;
        if (n < 0 || n > 100) {
            throw new BadInputException("first", "first phải từ 0 đến 100 / first must be between 0 and 100");
        }
        return reviews.closedReviews(n);
    }

    @MutationMapping
    Map<String, Object> closeWeeklyReview(@Argument LocalDate asOf) {
        return Payloads.of("review", () -> reviews.close(asOf));
    }

    @SchemaMapping(typeName = "WeeklyReview")
    OffsetDateTime closedAt(WeeklyReview review) {
        return at(review.closedAt());
    }

    @SchemaMapping(typeName = "ReviewNote")
    OffsetDateTime createdAt(WeeklyReview.Note note) {
        return at(note.createdAt());
    }

    @SchemaMapping(typeName = "ReviewTotals")
    int flagged(WeeklyReview.Totals totals) {
        return totals.flagged();
    }

    /** The live task behind each item, one statement for the whole review. */
    @BatchMapping(typeName = "ReviewItem")
    Map<WeeklyReview.Item, Task> task(List<WeeklyReview.Item> items) {
        Map<Long, Task> loaded = tasks.byIds(items.stream().map(WeeklyReview.Item::taskId).distinct().toList());
        Map<WeeklyReview.Item, Task> result = new java.util.LinkedHashMap<>();
        items.forEach(i -> result.put(i, loaded.get(i.taskId())));
        return result;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(AsOfDates.ZONE).toOffsetDateTime();
    }
}
