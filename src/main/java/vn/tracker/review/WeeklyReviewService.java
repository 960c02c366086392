package vn.tracker.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
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
import vn.tracker.annotation.AnnotationRepository;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.ConflictException;
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

    private static final Comparator<WeeklyReview.Item> ITEM_ORDER = Comparator
            .comparing((WeeklyReview.Item i) -> i.health() == TaskHealth.OVERDUE ? 0 : 1)
            .thenComparing(WeeklyReview.Item::code);

    private final HealthQueries queries;
    private final FullTaskHealthPolicy policy;
    private final AnnotationRepository annotations;
    private final TaskRepository tasks;
    private final ClosedReviewRepository closedReviews;
    private final ClosedReviewItemRepository closedItems;
    private final ReviewIndicators indicators;
    private final Permissions permissions;
    private final AsOfDates asOfDates;
    private final ObjectMapper json;
    private final Clock clock;

    WeeklyReviewService(HealthQueries queries, FullTaskHealthPolicy policy, AnnotationRepository annotations,
            TaskRepository tasks, ClosedReviewRepository closedReviews, ClosedReviewItemRepository closedItems,
            ReviewIndicators indicators, Permissions permissions, AsOfDates asOfDates, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.policy = policy;
        this.annotations = annotations;
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
        return closedReviews.findByWeek(weekOf(asOf))
                .map(closed -> restrict(read(closed), scope))
                .orElseGet(() -> live(asOf, scope));
    }

    /** The review computed now from the current data, as of the date (never from a snapshot). */
    public WeeklyReview live(LocalDate asOf, ReviewScope scope) {
        List<Task> flagged = queries.tasksWithHealth(EnumSet.of(TaskHealth.OVERDUE, TaskHealth.AT_RISK), asOf, scope);
        List<Long> ids = flagged.stream().map(Task::getId).toList();
        Map<Long, HealthAssessment> assessed = policy.assess(flagged, asOf);
        Map<Long, WeeklyReview.Note> latest = latestNotes(ids);
        Set<Long> explained = openAnnotationTasks(ids);
        Map<Long, List<String>> programs = queries.programsOf(ids);

        Map<String, List<WeeklyReview.Item>> byAgency = new LinkedHashMap<>();
        Map<String, String> agencyNames = new HashMap<>();
        for (Task t : flagged) {
            HealthAssessment a = assessed.get(t.getId());
            WeeklyReview.Item item = new WeeklyReview.Item(t.getId(), t.getCode(), t.getProvinceCode(), t.getTitle(),
                    t.getDirective() == null ? null : t.getDirective().getCode(), t.getLeadAgency().getCode(),
                    t.getLeadAgency().getName(), t.getDueOn(), t.getDueText(), t.getStatus(), t.getProgress(),
                    t.getResult(), a.health(), DeadlineStatus.of(t, asOf), a.reasons(), latest.get(t.getId()),
                    explained.contains(t.getId()), programs.getOrDefault(t.getId(), List.of()));
            byAgency.computeIfAbsent(item.leadAgencyCode(), k -> new ArrayList<>()).add(item);
            agencyNames.put(item.leadAgencyCode(), item.leadAgencyName());
        }
        List<WeeklyReview.AgencyGroup> groups = new ArrayList<>();
        List<WeeklyReview.Item> unexplained = new ArrayList<>();
        byAgency.forEach((code, items) -> {
            items.sort(ITEM_ORDER);
            groups.add(group(code, agencyNames.get(code), items));
            items.stream().filter(i -> !i.explained()).forEach(unexplained::add);
        });
        Map<TaskHealth, Long> counts = queries.countByHealth(asOf, scope);
        WeeklyReview.Totals totals = new WeeklyReview.Totals(count(groups, TaskHealth.OVERDUE),
                count(groups, TaskHealth.AT_RISK), unexplained.size(),
                (int) counts.values().stream().mapToLong(Long::longValue).sum(),
                counts.get(TaskHealth.DONE).intValue(), counts.get(TaskHealth.ON_TRACK).intValue());
        WeeklyReview previous = previousClosed(asOf).map(r -> restrict(read(r), scope)).orElse(null);
        WeeklyReview.Changes changes = previous == null ? WeeklyReview.Changes.NONE
                : changes(previous, groups, asOf);
        return new WeeklyReview(asOf, weekOf(asOf), false, null, null, totals, List.copyOf(groups),
                List.copyOf(unexplained), changes, previous == null ? null : previous.asOf());
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

    private WeeklyReview.Changes changes(WeeklyReview previous, List<WeeklyReview.AgencyGroup> groups, LocalDate asOf) {
        Map<Long, WeeklyReview.Item> before = new LinkedHashMap<>();
        previous.groups().forEach(g -> g.items().forEach(i -> before.put(i.taskId(), i)));
        Map<Long, WeeklyReview.Item> now = new LinkedHashMap<>();
        groups.forEach(g -> g.items().forEach(i -> now.put(i.taskId(), i)));
        List<WeeklyReview.Change> newlyOverdue = new ArrayList<>();
        List<WeeklyReview.Change> newlyAtRisk = new ArrayList<>();
        now.values().forEach(i -> {
            WeeklyReview.Item was = before.get(i.taskId());
            TaskHealth prev = was == null ? null : was.health();
            if (i.health() == TaskHealth.OVERDUE && prev != TaskHealth.OVERDUE) {
                newlyOverdue.add(change(i, prev, i.health()));
            } else if (i.health() == TaskHealth.AT_RISK && prev == null) {
                newlyAtRisk.add(change(i, null, i.health()));
            }
        });
        List<Long> leftIds = before.keySet().stream().filter(id -> !now.containsKey(id)).toList();
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
        return new WeeklyReview.Changes(newlyOverdue, newlyAtRisk, backOnTrack, completed);
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

    private Map<Long, WeeklyReview.Note> latestNotes(List<Long> taskIds) {
        Map<Long, WeeklyReview.Note> result = new HashMap<>();
        if (taskIds.isEmpty()) {
            return result;
        }
        for (Annotation a : annotations.findLatestForTasks(taskIds)) {
            result.put(a.getTask().getId(), note(a));
        }
        return result;
    }

    static WeeklyReview.Note note(Annotation a) {
        return new WeeklyReview.Note(a.getId(), a.getCategory().getCode(), a.getCategory().getNameVi(), a.getText(),
                a.isBlocking(), a.isRaisesRisk(), a.isResolved(), a.getCreatedBy(), a.getCreatedAt());
    }

    private Set<Long> openAnnotationTasks(List<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(annotations.findTaskIdsWithOpenAnnotation(taskIds));
    }
}
