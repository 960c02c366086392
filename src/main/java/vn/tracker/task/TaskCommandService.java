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

    static final int MAX_TITLE = 2000;
    static final int MAX_DESCRIPTION = 20_000;
    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.:/\\-]{1,80}");

    private final TaskRepository tasks;
    private final TaskReferences references;
    private final TaskService reads;
    private final ProgressReportRepository reports;
    private final EvidenceRepository evidence;
    private final Permissions permissions;
    private final AsOfDates asOfDates;

    TaskCommandService(TaskRepository tasks, TaskService reads, ProgressReportRepository reports,
            EvidenceRepository evidence, Permissions permissions, AsOfDates asOfDates, TaskReferences references) {
        this.references = references;
        this.tasks = tasks;
        this.reads = reads;
        this.reports = reports;
        this.evidence = evidence;
        this.permissions = permissions;
        this.asOfDates = asOfDates;
    }

    public record ProgressReported(Task task, ProgressReport report) {
    }

    /** Creates a task (working group and admins: tasks come from directives, not from reporters). */
    public Task create(TaskInput input) {
        permissions.requireWorkingGroup();
        InputErrors errors = new InputErrors();
        errors.requireText("input.code", input.code(), 80);
        if (input.code() != null && !input.code().isBlank()) {
            errors.check(CODE.matcher(input.code()).matches(), "input.code",
                    "Mã chỉ gồm chữ, số và _ . : / - / code may hold letters, digits and _ . : / -");
        }
        errors.requireText("input.province", input.province(), 20);
        errors.requireText("input.title", input.title(), MAX_TITLE);
        errors.requireText("input.leadAgency", input.leadAgency(), 60);
        validateCommon(errors, input);
        errors.throwIfAny();
        if (tasks.findByProvinceCodeAndCode(input.province(), input.code()).isPresent()) {
            throw new ConflictException("input.code", "Mã nhiệm vụ '" + input.code() + "' đã có ở tỉnh "
                    + input.province() + " / task code already exists in this province");
        }
        Task task = new Task(input.code().strip(), input.province().strip(), input.title().strip(),
                references.agency("input.leadAgency", input.leadAgency()));
        apply(task, input);
        return tasks.saveAndFlush(task);
    }

    /** Changes a task; a stale expectedVersion is a CONFLICT, never an overwrite. */
    public Task update(String code, String province, long expectedVersion, TaskInput input) {
        Task task = existing(code, province, "code");
        permissions.requireTaskWrite(task.getLeadAgency().getId());
        ConflictException.requireVersion(expectedVersion, task.getVersion());
        InputErrors errors = new InputErrors();
        errors.check(input.code() == null || input.code().equals(task.getCode()), "input.code",
                "Không đổi được mã nhiệm vụ: mã là khóa trao đổi / the code is the exchange key and cannot change");
        errors.check(input.province() == null || input.province().equals(task.getProvinceCode()), "input.province",
                "Không đổi được tỉnh / the province cannot change");
        if (input.title() != null) {
            errors.requireText("input.title", input.title(), MAX_TITLE);
        }
        validateCommon(errors, input);
        errors.throwIfAny();
        if (input.title() != null) {
            task.setTitle(input.title().strip());
        }
        if (input.leadAgency() != null) {
            var lead = references.agency("input.leadAgency", input.leadAgency());
            permissions.requireTaskWrite(lead.getId());
            task.setLeadAgency(lead);
        }
        apply(task, input);
        tasks.flush();
        return task;
    }

    /** Replaces the people of the lead agency responsible for a task. */
    public Task assignPeople(String code, String province, Long expectedVersion, List<String> people) {
        Task task = existing(code, province, "code");
        permissions.requireTaskWrite(task.getLeadAgency().getId());
        ConflictException.requireVersion(expectedVersion, task.getVersion());
        var persons = references.people("people", people == null ? List.of() : people);
        task.getAssignees().clear();
        task.getAssignees().addAll(persons);
        // A collection change alone does not bump the version; an explicit lock does, so
        // concurrent assignment edits conflict too.
        references.forceVersionIncrement(task);
        tasks.flush();
        return task;
    }

    private static void validateCommon(InputErrors errors, TaskInput input) {
        errors.maxLength("input.description", input.description(), MAX_DESCRIPTION);
        errors.maxLength("input.origin", input.origin(), 20);
        errors.maxLength("input.sourceDoc", input.sourceDoc(), 200);
        errors.maxLength("input.dueText", input.dueText(), 200);
        errors.check(input.dueOn() == null || input.dueText() == null, "input.dueText",
                "Chỉ nhập một trong dueOn hoặc dueText / give dueOn or dueText, not both");
        if (input.dueText() != null && !input.dueText().isBlank()) {
            errors.check(Deadline.parse(input.dueText()).isPresent(), "input.dueText",
                    "Không hiểu thời hạn (ví dụ: 2026-03-31, 31/03/2026, tháng 3/2026, Quý I năm 2026, Năm 2026) "
                            + "/ deadline not understood");
        }
        LocalDate due = input.dueOn() != null ? input.dueOn()
                : input.dueText() == null ? null : Deadline.parse(input.dueText()).map(Deadline::dueOn).orElse(null);
        if (input.startOn() != null && due != null) {
            errors.check(!input.startOn().isAfter(due), "input.startOn",
                    "Ngày bắt đầu sau thời hạn / the start date is after the due date");
        }
    }

    private void apply(Task task, TaskInput input) {
        if (input.description() != null) {
            task.setDescription(input.description());
        }
        if (input.directive() != null) {
            task.setDirective(input.directive().isBlank() ? null : references.directive("input.directive", input.directive()));
        }
        if (input.coordinatingAgencies() != null) {
            var coordinators = references.agencies("input.coordinatingAgencies", input.coordinatingAgencies());
            task.getCoordinatingAgencies().clear();
            task.getCoordinatingAgencies().addAll(coordinators);
        }
        if (input.startOn() != null) {
            task.setStartOn(input.startOn());
        }
        if (input.dueOn() != null) {
            task.setDeadline(Deadline.ofDay(input.dueOn()));
        } else if (input.dueText() != null) {
            task.setDeadline(input.dueText().isBlank() ? null : Deadline.parse(input.dueText()).orElseThrow());
        }
        if (input.origin() != null) {
            task.setOrigin(input.origin().isBlank() ? null : input.origin().strip());
        }
        if (input.pilotModel() != null) {
            task.setPilotModel(references.pilotModel("input.pilotModel", input.pilotModel()));
        }
        if (input.sourceDoc() != null) {
            task.setSourceDoc(input.sourceDoc().isBlank() ? null : input.sourceDoc().strip());
        }
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
