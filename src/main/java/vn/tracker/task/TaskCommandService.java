package vn.tracker.task;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.ConflictException;
import vn.tracker.common.InputErrors;
import vn.tracker.common.NotFoundException;
import vn.tracker.security.CurrentActor;
import vn.tracker.security.Permissions;

/**
 * Changes to tasks. Every method checks permissions, validates the whole input before touching
 * anything and runs in one transaction, so a failure leaves the task exactly as it was.
 */
@Service
@Transactional
public class TaskCommandService {

    static final int MAX_RESULT = 20_000;
    static final int MAX_EVIDENCE_TITLE = 1000;
    static final int MAX_URL = 2000;
    static final int MAX_DOCUMENT_NUMBER = 200;

    private final TaskRepository tasks;
    private final TaskService reads;
    private final ProgressReportRepository reports;
    private final EvidenceRepository evidence;
    private final Permissions permissions;
    private final AsOfDates asOfDates;

    TaskCommandService(TaskRepository tasks, TaskService reads, ProgressReportRepository reports,
            EvidenceRepository evidence, Permissions permissions, AsOfDates asOfDates) {
        this.tasks = tasks;
        this.reads = reads;
        this.reports = reports;
        this.evidence = evidence;
        this.permissions = permissions;
        this.asOfDates = asOfDates;
    }

    public record ProgressReported(Task task, ProgressReport report) {
    }

    /** Records a progress report (history) and moves the task's status, progress and result. */
    public ProgressReported reportProgress(ProgressReportCommand cmd) {
        Task task = existing(cmd.code(), cmd.province(), "code");
        permissions.requireTaskWrite(task.getLeadAgency().getId());
        ConflictException.requireVersion(cmd.expectedVersion(), task.getVersion());

        LocalDate today = asOfDates.today();
        LocalDate reportedOn = cmd.reportedOn() != null ? cmd.reportedOn() : today;
        InputErrors errors = new InputErrors();
        errors.check(cmd.status() != null, "status", "Phải chọn trạng thái / status is required");
        errors.range("progress", cmd.progress(), 0, 100);
        if (cmd.status() == TaskStatus.COMPLETED && cmd.progress() != null) {
            errors.check(cmd.progress() == 100, "progress",
                    "Nhiệm vụ hoàn thành phải có tiến độ 100 / a completed task has progress 100");
        }
        errors.maxLength("result", cmd.result(), MAX_RESULT);
        errors.notAfter("reportedOn", cmd.reportedOn(), today);
        validateEvidence(errors, "evidence", cmd.evidence());
        errors.throwIfAny();

        TaskStatus status = cmd.status();
        int progress = cmd.progress() != null ? cmd.progress()
                : status == TaskStatus.COMPLETED ? 100 : task.getProgress();
        task.setStatus(status);
        task.setProgress(progress);
        if (cmd.result() != null) {
            task.setResult(cmd.result());
        }
        if (status == TaskStatus.COMPLETED) {
            if (task.getCompletedOn() == null) {
                task.setCompletedOn(reportedOn);
            }
        } else {
            task.setCompletedOn(null);
        }
        if (task.getLastReportOn() == null || reportedOn.isAfter(task.getLastReportOn())) {
            task.setLastReportOn(reportedOn);
        }
        String who = CurrentActor.name();
        ProgressReport report = reports.save(new ProgressReport(task, status, progress,
                cmd.result() != null ? cmd.result() : task.getResult(), reportedOn, who));
        saveEvidence(task, cmd.evidence(), who);
        tasks.flush();
        return new ProgressReported(task, report);
    }

    /** Adds evidence (minh chứng) to a task without changing its status. */
    public Task addEvidence(String code, String province, List<EvidenceInput> items) {
        Task task = existing(code, province, "code");
        permissions.requireTaskWrite(task.getLeadAgency().getId());
        InputErrors errors = new InputErrors();
        errors.check(items != null && !items.isEmpty(), "evidence",
                "Cần ít nhất một minh chứng / at least one evidence item is required");
        validateEvidence(errors, "evidence", items);
        errors.throwIfAny();
        saveEvidence(task, items, CurrentActor.name());
        evidence.flush();
        return task;
    }

    /**
     * Links a task inherited from a merged province to the task it duplicates (linked, not deleted).
     * duplicateOf null removes the link.
     */
    public Task linkDuplicate(String code, String province, String duplicateOfCode, String duplicateOfProvince,
            Long expectedVersion) {
        Task task = existing(code, province, "code");
        permissions.requireTaskWrite(task.getLeadAgency().getId());
        ConflictException.requireVersion(expectedVersion, task.getVersion());
        Task original = null;
        if (duplicateOfCode != null) {
            original = existing(duplicateOfCode, duplicateOfProvince, "duplicateOf");
            InputErrors errors = new InputErrors();
            errors.check(!original.getId().equals(task.getId()), "duplicateOf",
                    "Nhiệm vụ không thể trùng với chính nó / a task cannot duplicate itself");
            errors.check(!leadsBackTo(original, task), "duplicateOf",
                    "Liên kết trùng tạo thành vòng / the duplicate link would form a cycle");
            errors.throwIfAny();
        }
        task.setDuplicateOf(original);
        tasks.flush();
        return task;
    }

    private static boolean leadsBackTo(Task start, Task target) {
        Task current = start;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (Objects.equals(current.getId(), target.getId())) {
                return true;
            }
            current = current.getDuplicateOf();
        }
        return false;
    }

    private Task existing(String code, String province, String field) {
        new InputErrors().requireText(field, code, 80).throwIfAny();
        Task task = reads.byCode(code, province);
        if (task == null) {
            throw NotFoundException.of(field, "nhiệm vụ", code);
        }
        return task;
    }

    static void validateEvidence(InputErrors errors, String field, List<EvidenceInput> items) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            EvidenceInput e = items.get(i);
            String at = field + "." + i;
            errors.requireText(at + ".title", e.title(), MAX_EVIDENCE_TITLE);
            errors.maxLength(at + ".documentNumber", e.documentNumber(), MAX_DOCUMENT_NUMBER);
            errors.maxLength(at + ".url", e.url(), MAX_URL);
            if (e.url() != null && !e.url().isBlank()) {
                errors.check(isWebLink(e.url()), at + ".url",
                        "Đường dẫn phải bắt đầu bằng http:// hoặc https:// / the link must be an http(s) URL");
            }
        }
    }

    private static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private void saveEvidence(Task task, List<EvidenceInput> items, String who) {
        if (items == null) {
            return;
        }
        for (EvidenceInput e : items) {
            evidence.save(new Evidence(task, e.title().strip(), blankToNull(e.documentNumber()),
                    blankToNull(e.url()), e.datedOn(), who));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
