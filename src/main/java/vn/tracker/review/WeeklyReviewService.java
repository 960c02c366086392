package vn.tracker.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import vn.tracker.annotation.Annotation;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.ConflictException;
import vn.tracker.directive.DirectiveService;
import vn.tracker.directive.Program;
import vn.tracker.indicator.Period;
import vn.tracker.indicator.PeriodType;
import vn.tracker.security.CurrentActor;
import vn.tracker.security.Permissions;
import vn.tracker.task.Task;
import vn.tracker.task.TaskHealth;
import vn.tracker.task.TaskRepository;

/**
 * The weekly review: built live from the health engine, or read back from the snapshot of a closed
 * week. This is the service API the console's /review page and the XLSX export use.
 */
@Service
@Transactional(readOnly = true)
public class WeeklyReviewService {

    /** A cut review reads its items' columns by id up to this many; beyond, it re-reads the scope. */
    static final int DETAILS_BY_ID = 5_000;

    private final HealthQueries queries;
    private final FlaggedTaskQuery flaggedTasks;
    private final DirectiveService directives;
    private final FullTaskHealthPolicy policy;
    private final TaskRepository tasks;
    private final ClosedReviewRepository closedReviews;
    private final ClosedReviewItemRepository closedItems;
    private final ReviewIndicators indicators;
    private final Permissions permissions;
    private final AsOfDates asOfDates;
    private final ObjectMapper json;
    private final Clock clock;

    WeeklyReviewService(HealthQueries queries, FlaggedTaskQuery flaggedTasks, DirectiveService directives,
            FullTaskHealthPolicy policy, TaskRepository tasks, ClosedReviewRepository closedReviews,
            ClosedReviewItemRepository closedItems, ReviewIndicators indicators, Permissions permissions, AsOfDates asOfDates, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.flaggedTasks = flaggedTasks;
        this.directives = directives;
        this.policy = policy;
        this.tasks = tasks;
        this.closedReviews = closedReviews;
        this.closedItems = closedItems;
        this.indicators = indicators;
        this.permissions = permissions;
        this.asOfDates = asOfDates;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The review of the week containing the date: the closed snapshot when that week was closed
     * (filtered to the scope), else computed live as of the date.
     */
    public WeeklyReview review(LocalDate asOf, ReviewScope scope) {
        return review(asOf, scope, ReviewLimits.ALL);
    }

    /** As {@link #review(LocalDate, ReviewScope)} with item lists cut to the limits (counts exact). */
    public WeeklyReview review(LocalDate asOf, ReviewScope scope, ReviewLimits limits) {
        return closedReviews.findByWeek(weekOf(asOf))
                .map(closed -> limits.apply(restrict(read(closed), scope)))
                .orElseGet(() -> live(asOf, scope, limits));
    }

    /** The review computed now from the current data, as of the date (never from a snapshot). */
    public WeeklyReview live(LocalDate asOf, ReviewScope scope) {
        return live(asOf, scope, ReviewLimits.ALL);
    }

    /**
     * The live review with item lists cut to the limits. A fixed number of statements whatever the
     * number of flagged tasks: the previous closed review; the flagged tasks with their annotations
     * (one streamed statement) or, for a cut review, the flagged tasks as counted plus the item
     * columns of the kept ones (two); the programs of the items' directives; the task totals.
     */
    public WeeklyReview live(LocalDate asOf, ReviewScope scope, ReviewLimits limits) {
        WeeklyReview previous = previousClosed(asOf).map(r -> restrict(read(r), scope)).orElse(null);
        Map<Long, WeeklyReview.Item> before = new LinkedHashMap<>();
        if (previous != null) {
            previous.groups().forEach(g -> g.items().forEach(i -> before.put(i.taskId(), i)));
        }
        FlaggedTaskTally tally = new FlaggedTaskTally(limits, before);
        Map<Long, FlaggedTaskRow> rows = new HashMap<>();
        if (limits.equals(ReviewLimits.ALL)) {
            flaggedTasks.forEach(asOf, scope, r -> {
                tally.add(r.key(asOf));
                rows.put(r.id(), r);
            });
        } else {
            // Count every flagged task without its annotations, then read the item columns of the kept ones.
            flaggedTasks.forEachCounted(asOf, scope, tally::add);
            Set<Long> kept = tally.keptIds();
            if (kept.size() <= DETAILS_BY_ID) {
                rows.putAll(flaggedTasks.details(kept));
            } else {
                flaggedTasks.forEach(asOf, scope, r -> {
                    if (kept.contains(r.id())) {
                        rows.put(r.id(), r);
                    }
                });
            }
        }

        Map<Long, WeeklyReview.Item> items = items(rows.values(), asOf);
        List<WeeklyReview.AgencyGroup> groups = tally.groups().stream()
                .map(g -> new WeeklyReview.AgencyGroup(g.code, g.name, g.overdue, g.flagged - g.overdue,
                        g.unexplained, itemsOf(g.kept, items)))
                .toList();
        List<WeeklyReview.Item> unexplained = itemsOf(tally.unexplainedKept(), items);
        long[] tasksAndDone = queries.tasksAndDone(asOf, scope);
        int overdue = tally.overdue();
        WeeklyReview.Totals totals = new WeeklyReview.Totals(overdue, tally.flagged() - overdue, tally.unexplained(),
                (int) tasksAndDone[0], (int) tasksAndDone[1],
                (int) (tasksAndDone[0] - tasksAndDone[1] - tally.flagged()));
        WeeklyReview.Changes changes = previous == null ? WeeklyReview.Changes.NONE
                : changes(tally, before, asOf);
        return new WeeklyReview(asOf, weekOf(asOf), false, null, null, totals, groups, unexplained, changes,
                previous == null ? null : previous.asOf());
    }

    private static List<WeeklyReview.Item> itemsOf(List<FlaggedTask> tasks, Map<Long, WeeklyReview.Item> items) {
        // A task deleted between the two reads of a cut review has no item: it is left out.
        return tasks.stream().map(t -> items.get(t.id())).filter(java.util.Objects::nonNull).toList();
    }

    /** Rows as items, with reasons and programs (one statement for the programs). */
    private Map<Long, WeeklyReview.Item> items(java.util.Collection<FlaggedTaskRow> kept, LocalDate asOf) {
        Set<Long> directiveIds = new HashSet<>();
        kept.forEach(r -> {
            if (r.directiveId() != null) {
                directiveIds.add(r.directiveId());
            }
        });
        Map<Long, List<String>> programs = new HashMap<>();
        if (!directiveIds.isEmpty()) {
            directives.programsOf(directiveIds).forEach((id, list) ->
                    programs.put(id, list.stream().map(Program::getCode).sorted().toList()));
        }
        HealthRules rules = policy.rules();
        Map<Long, WeeklyReview.Item> result = new HashMap<>();
        for (FlaggedTaskRow r : kept) {
            List<String> codes = r.directiveId() == null ? List.of() : programs.getOrDefault(r.directiveId(), List.of());
            HealthAssessment a = rules.assess(r.facts(Set.copyOf(codes)), asOf);
            result.put(r.id(), new WeeklyReview.Item(r.id(), r.code(), r.province(), r.title(), r.directiveCode(),
                    r.leadAgencyCode(), r.leadAgencyName(), r.dueOn(), r.dueText(), r.status(), r.progress(),
                    r.result(), a.health(), r.deadlineStatus(asOf), a.reasons(), r.latest(), r.explained(), codes));
        }
        return result;
    }

    /**
     * Closes the week containing the date: stores the province-wide review exactly as it is now and
     * records its counts as observations of the built-in indicators. One closed review per week.
     */
    @Transactional
    public WeeklyReview close(LocalDate asOf) {
        permissions.requireWorkingGroup();
        if (asOf == null) {
            throw new BadInputException("asOf", "Phải có ngày chốt / asOf is required");
        }
        if (asOf.isAfter(asOfDates.today())) {
            throw new BadInputException("asOf", "Không chốt giao ban cho ngày tương lai / cannot close a future date");
        }
        String week = weekOf(asOf);
        if (closedReviews.findByWeek(week).isPresent()) {
            throw new ConflictException("Tuần " + week + " đã được chốt / week " + week + " is already closed");
        }
        WeeklyReview live = live(asOf, ReviewScope.ALL);
        WeeklyReview closed = new WeeklyReview(live.asOf(), live.week(), true, CurrentActor.name(), Instant.now(clock),
                live.totals(), live.groups(), live.unexplained(), live.changes(), live.previousAsOf());
        ClosedReview saved = closedReviews.save(new ClosedReview(asOf, week, closed.totals(),
                json.writeValueAsString(closed), closed.closedBy(), closed.closedAt()));
        closedItems.saveAll(closed.groups().stream().flatMap(g -> g.items().stream())
                .map(i -> new ClosedReviewItem(saved.getId(), i)).toList());
        WeeklyReview previous = previousClosed(asOf).map(this::read).orElse(null);
        indicators.record(closed, previous);
        return closed;
    }

    /** The most recently closed reviews, newest first. */
    public List<WeeklyReview> closedReviews(int limit) {
        return closedReviews.findAllByOrderByAsOfDesc(PageRequest.of(0, limit)).stream().map(this::read).toList();
    }

    public static String weekOf(LocalDate asOf) {
        return Period.containing(asOf, PeriodType.WEEK).code();
    }

    private java.util.Optional<ClosedReview> previousClosed(LocalDate asOf) {
        return closedReviews.findBefore(asOf, PageRequest.of(0, 1)).stream().findFirst();
    }

    private WeeklyReview read(ClosedReview closed) {
        return json.readValue(closed.getSnapshot(), WeeklyReview.class);
    }

    private WeeklyReview.Changes changes(FlaggedTaskTally tally, Map<Long, WeeklyReview.Item> before,
            LocalDate asOf) {
        List<Long> leftIds = tally.leftSincePrevious();
        List<Task> left = tasks.findAllById(leftIds);
        Map<Long, HealthAssessment> current = policy.assess(left, asOf);
        List<WeeklyReview.Change> backOnTrack = new ArrayList<>();
        List<WeeklyReview.Change> completed = new ArrayList<>();
        for (Long id : leftIds) {
            HealthAssessment a = current.get(id);
            WeeklyReview.Item was = before.get(id);
            if (a == null) {
                continue; // deleted or merged away since
            }
            if (a.health() == TaskHealth.DONE) {
                completed.add(change(was, was.health(), a.health()));
            } else if (a.health() == TaskHealth.ON_TRACK) {
                backOnTrack.add(change(was, was.health(), a.health()));
            }
        }
        return new WeeklyReview.Changes(tally.newlyOverdue(), tally.newlyAtRisk(), backOnTrack, completed);
    }

    private static WeeklyReview.Change change(WeeklyReview.Item i, TaskHealth previous, TaskHealth now) {
        return new WeeklyReview.Change(i.taskId(), i.code(), i.province(), i.title(), i.leadAgencyCode(), previous, now);
    }

    /** A snapshot seen through a scope: items outside it are dropped and the totals recounted. */
    private static WeeklyReview restrict(WeeklyReview review, ReviewScope scope) {
        if (scope.province() == null && scope.leadAgencies().isEmpty() && scope.programs().isEmpty()) {
            return review;
        }
        List<WeeklyReview.AgencyGroup> groups = new ArrayList<>();
        for (WeeklyReview.AgencyGroup g : review.groups()) {
            List<WeeklyReview.Item> items = g.items().stream().filter(i -> inScope(i, scope)).toList();
            if (!items.isEmpty()) {
                groups.add(group(g.agencyCode(), g.agencyName(), items));
            }
        }
        List<WeeklyReview.Item> unexplained = review.unexplained().stream().filter(i -> inScope(i, scope)).toList();
        // Done and on-track counts of a snapshot are province-wide only; a scoped view leaves them at 0.
        WeeklyReview.Totals totals = new WeeklyReview.Totals(count(groups, TaskHealth.OVERDUE),
                count(groups, TaskHealth.AT_RISK), unexplained.size(), 0, 0, 0);
        Set<Long> kept = new HashSet<>();
        groups.forEach(g -> g.items().forEach(i -> kept.add(i.taskId())));
        WeeklyReview.Changes c = review.changes();
        WeeklyReview.Changes changes = new WeeklyReview.Changes(
                c.newlyOverdue().stream().filter(x -> kept.contains(x.taskId())).toList(),
                c.newlyAtRisk().stream().filter(x -> kept.contains(x.taskId())).toList(),
                c.backOnTrack().stream().filter(x -> inScope(x, scope)).toList(),
                c.completed().stream().filter(x -> inScope(x, scope)).toList());
        return new WeeklyReview(review.asOf(), review.week(), review.closed(), review.closedBy(), review.closedAt(),
                totals, groups, unexplained, changes, review.previousAsOf());
    }

    private static boolean inScope(WeeklyReview.Item i, ReviewScope scope) {
        return (scope.province() == null || scope.province().equals(i.province()))
                && (scope.leadAgencies().isEmpty() || scope.leadAgencies().contains(i.leadAgencyCode()))
                && (scope.programs().isEmpty() || i.programs().stream().anyMatch(scope.programs()::contains));
    }

    private static boolean inScope(WeeklyReview.Change c, ReviewScope scope) {
        return (scope.province() == null || scope.province().equals(c.province()))
                && (scope.leadAgencies().isEmpty() || scope.leadAgencies().contains(c.leadAgencyCode()));
    }

    private static WeeklyReview.AgencyGroup group(String code, String name, List<WeeklyReview.Item> items) {
        int overdue = (int) items.stream().filter(i -> i.health() == TaskHealth.OVERDUE).count();
        int unexplained = (int) items.stream().filter(i -> !i.explained()).count();
        return new WeeklyReview.AgencyGroup(code, name, overdue, items.size() - overdue, unexplained, List.copyOf(items));
    }

    private static int count(List<WeeklyReview.AgencyGroup> groups, TaskHealth health) {
        return groups.stream().mapToInt(g -> health == TaskHealth.OVERDUE ? g.overdue() : g.atRisk()).sum();
    }

    static WeeklyReview.Note note(Annotation a) {
        return new WeeklyReview.Note(a.getId(), a.getCategory().getCode(), a.getCategory().getNameVi(), a.getText(),
                a.isBlocking(), a.isRaisesRisk(), a.isResolved(), a.getCreatedBy(), a.getCreatedAt());
    }
}
