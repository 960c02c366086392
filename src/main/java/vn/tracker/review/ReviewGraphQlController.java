package vn.tracker.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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

    @QueryMapping
    WeeklyReview weeklyReview(@Argument LocalDate asOf, @Argument ReviewFilterInput filter, @Argument Boolean live) {
        LocalDate date = asOfDates.orToday(asOf);
        ReviewScope scope = filter == null ? ReviewScope.ALL : filter.scope();
        return Boolean.TRUE.equals(live) ? reviews.live(date, scope) : reviews.review(date, scope);
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
