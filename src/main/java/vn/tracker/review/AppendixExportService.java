package vn.tracker.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.annotation.Annotation;
import vn.tracker.annotation.AnnotationRepository;
import vn.tracker.common.BadInputException;
import vn.tracker.task.Task;
import vn.tracker.task.TaskHealth;

/** Task lists and weekly reviews as provincial appendix XLSX files. */
@Service
@Transactional(readOnly = true)
public class AppendixExportService {

    /** A bigger list is not a meeting appendix; callers narrow it with a filter. */
    static final int MAX_ROWS = 20_000;

    private final HealthQueries queries;
    private final FullTaskHealthPolicy policy;
    private final AnnotationRepository annotations;
    private final WeeklyReviewService reviews;

    AppendixExportService(HealthQueries queries, FullTaskHealthPolicy policy, AnnotationRepository annotations,
            WeeklyReviewService reviews) {
        this.queries = queries;
        this.policy = policy;
        this.annotations = annotations;
        this.reviews = reviews;
    }

    /** Any task list (optionally only some healths) grouped by lead agency. */
    public byte[] taskList(LocalDate asOf, ReviewScope scope, Set<TaskHealth> healths) {
        List<Task> tasks = queries.tasksWithHealth(healths, asOf, scope);
        if (tasks.size() > MAX_ROWS) {
            throw new BadInputException("filter", "Danh sách quá dài (" + tasks.size() + " nhiệm vụ), hãy lọc bớt / "
                    + "list too long (" + tasks.size() + " tasks), narrow the filter");
        }
        Map<Long, HealthAssessment> assessed = new LinkedHashMap<>();
        Map<Long, Annotation> latest = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i += 1000) {
            List<Task> chunk = tasks.subList(i, Math.min(tasks.size(), i + 1000));
            assessed.putAll(policy.assess(chunk, asOf));
            annotations.findLatestForTasks(chunk.stream().map(Task::getId).toList())
                    .forEach(a -> latest.put(a.getTask().getId(), a));
        }
        Map<String, AppendixSheet.Group> groups = new LinkedHashMap<>();
        for (Task t : tasks) {
            AppendixSheet.Group g = groups.computeIfAbsent(t.getLeadAgency().getCode(),
                    k -> new AppendixSheet.Group(k, t.getLeadAgency().getName(), new ArrayList<>()));
            Annotation a = latest.get(t.getId());
            g.rows().add(new AppendixSheet.Row(t.getCode(), t.getTitle(),
                    t.getDirective() == null ? null : t.getDirective().getCode(), due(t.getDueText(), t.getDueOn()),
                    AppendixFormat.STATUS_LABELS.get(t.getStatus()), t.getResult(),
                    note(assessed.get(t.getId()).reasons(), a == null ? null : WeeklyReviewService.note(a))));
        }
        String title = healths != null && healths.equals(Set.of(TaskHealth.OVERDUE, TaskHealth.AT_RISK))
                ? "DANH SÁCH NHIỆM VỤ QUÁ HẠN, CÓ NGUY CƠ CHẬM TIẾN ĐỘ" : "PHỤ LỤC: DANH SÁCH NHIỆM VỤ";
        return AppendixWriter.write(new AppendixSheet(title, asOf, scope.province(), List.copyOf(groups.values())));
    }

    /** The weekly review (closed snapshot or live) in the appendix layout. */
    public byte[] weeklyReview(LocalDate asOf, ReviewScope scope) {
        WeeklyReview review = reviews.review(asOf, scope);
        List<AppendixSheet.Group> groups = review.groups().stream()
                .map(g -> new AppendixSheet.Group(g.agencyCode(), g.agencyName(), g.items().stream()
                        .map(i -> new AppendixSheet.Row(i.code(), i.title(), i.directiveCode(),
                                due(i.dueText(), i.dueOn()), AppendixFormat.STATUS_LABELS.get(i.status()), i.result(),
                                note(i.reasons(), i.latestAnnotation())))
                        .collect(Collectors.toList())))
                .toList();
        String title = "DANH SÁCH NHIỆM VỤ QUÁ HẠN, CÓ NGUY CƠ CHẬM TIẾN ĐỘ - GIAO BAN TUẦN " + review.week()
                + (review.closed() ? " (đã chốt)" : "");
        return AppendixWriter.write(new AppendixSheet(title, review.asOf(), scope.province(), groups));
    }

    static String due(String dueText, LocalDate dueOn) {
        if (dueText != null && !dueText.isBlank()) {
            return dueText;
        }
        return dueOn == null ? null : AppendixFormat.DAY.format(dueOn);
    }

    /** Reasons (why it is red or amber), then the latest annotation; unexplained ones say so. */
    static String note(List<RiskReason> reasons, WeeklyReview.Note latest) {
        List<String> parts = new ArrayList<>();
        reasons.forEach(r -> parts.add(r.messageVi() + (r.detail() == null ? "" : ": " + viPart(r.detail()))));
        if (latest != null) {
            parts.add("Lý do [" + latest.categoryName() + "]: " + latest.text() + (latest.resolved() ? " (đã xử lý)" : ""));
        } else if (!reasons.isEmpty()) {
            parts.add("Chưa giải trình lý do");
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    private static String viPart(String bilingual) {
        int i = bilingual.indexOf(" / ");
        return i < 0 ? bilingual : bilingual.substring(0, i);
    }
}
