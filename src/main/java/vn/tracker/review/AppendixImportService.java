package vn.tracker.review;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.TextFolding;
import vn.tracker.dataimport.CsvImporter;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveRepository;
import vn.tracker.security.CurrentActor;
import vn.tracker.security.Permissions;
import vn.tracker.task.Deadline;
import vn.tracker.task.ProgressReport;
import vn.tracker.task.ProgressReportRepository;
import vn.tracker.task.Task;
import vn.tracker.task.TaskRepository;
import vn.tracker.task.TaskStatus;

/**
 * Imports tasks from the appendix layout. All-or-nothing: every row is checked first and each bad
 * row is reported with its row number and reason; only a clean file changes anything. Existing codes
 * (within the province) are updated, never duplicated; a changed status or result is recorded as a
 * progress report (who, when, what), so the change keeps its history.
 */
@Service
public class AppendixImportService {

    private static final Pattern AGENCY_CODE = Pattern.compile("\\[([^\\]]+)\\]\\s*$");
    private static final int MAX_TITLE = 2000;
    private static final int MAX_CODE = 80;

    private final AgencyRepository agencies;
    private final DirectiveRepository directives;
    private final TaskRepository tasks;
    private final ProgressReportRepository reports;
    private final Permissions permissions;
    private final AsOfDates asOfDates;
    private final TransactionTemplate tx;

    AppendixImportService(AgencyRepository agencies, DirectiveRepository directives, TaskRepository tasks,
            ProgressReportRepository reports, Permissions permissions, AsOfDates asOfDates, TransactionTemplate tx) {
        this.tx = tx;
        this.agencies = agencies;
        this.directives = directives;
        this.tasks = tasks;
        this.reports = reports;
        this.permissions = permissions;
        this.asOfDates = asOfDates;
    }

    private record Checked(AppendixReader.Line line, String code, Agency lead, Directive directive,
            Deadline deadline, TaskStatus status, Task existing) {
    }

    /**
     * Checks run outside a transaction (a refused permission check must not mark a shared transaction
     * rollback-only); the changes are applied afterwards in one transaction, re-reading each task.
     */
    public AppendixImportReport importTasks(InputStream file, String provinceParam, String fileName) {
        AppendixReader.Parsed parsed = AppendixReader.read(file);
        String province = provinceParam != null && !provinceParam.isBlank() ? provinceParam.trim() : parsed.province();
        if (province == null || province.isBlank() || province.length() > 20) {
            throw new BadInputException("province",
                    "Phải chỉ rõ tỉnh (tham số province hoặc dòng \"Tỉnh / Province\") / province is required");
        }
        List<AppendixImportReport.RowError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, Optional<Agency>> agencyCache = new HashMap<>();
        Set<String> seen = new HashSet<>();
        boolean canCreate = can(permissions::requireWorkingGroup);
        for (AppendixReader.Line line : parsed.lines()) {
            int before = errors.size();
            Agency lead = null;
            if (line.agencyText() == null) {
                errors.add(error(line, "Cơ quan chủ trì", "BAD_USER_INPUT",
                        "Chưa có dòng cơ quan chủ trì phía trên / no lead agency group row above this task"));
            } else {
                lead = agencyCache.computeIfAbsent(line.agencyText(), this::agency).orElse(null);
                if (lead == null) {
                    errors.add(error(line, "Cơ quan chủ trì", "NOT_FOUND", "Không tìm thấy cơ quan '"
                            + line.agencyText() + "' / unknown lead agency"));
                }
            }
            if (line.title() == null) {
                errors.add(error(line, "Nhiệm vụ cụ thể", "BAD_USER_INPUT", "Không được để trống / must not be empty"));
            } else if (line.title().length() > MAX_TITLE) {
                errors.add(error(line, "Nhiệm vụ cụ thể", "BAD_USER_INPUT",
                        "Dài quá " + MAX_TITLE + " ký tự / longer than " + MAX_TITLE + " characters"));
            }
            Directive directive = null;
            if (line.directiveCode() != null) {
                directive = directives.findByCode(line.directiveCode()).orElse(null);
                if (directive == null) {
                    errors.add(error(line, "Văn bản giao nhiệm vụ", "NOT_FOUND", "Không tìm thấy văn bản '"
                            + line.directiveCode() + "' / unknown directive"));
                }
            }
            Deadline deadline = null;
            if (line.due() != null) {
                deadline = Deadline.parse(line.due()).orElse(null);
                if (deadline == null) {
                    errors.add(error(line, "Thời hạn hoàn thành", "BAD_USER_INPUT", "Thời hạn không hợp lệ: '"
                            + line.due() + "' / malformed deadline"));
                }
            }
            TaskStatus status = AppendixFormat.status(line.status()).orElse(null);
            if (status == null) {
                errors.add(error(line, "Trạng thái thực hiện", "BAD_USER_INPUT", line.status() == null
                        ? "Không được để trống / must not be empty"
                        : "Trạng thái không hợp lệ: '" + line.status() + "' (Hoàn thành, Đang thực hiện, Thực hiện "
                                + "thường xuyên, Chưa triển khai, Không thực hiện) / unknown status"));
            }
            if (line.code() != null && line.code().length() > MAX_CODE) {
                errors.add(error(line, "Mã nhiệm vụ", "BAD_USER_INPUT",
                        "Dài quá " + MAX_CODE + " ký tự / longer than " + MAX_CODE + " characters"));
            }
            if (errors.size() > before) {
                continue;
            }
            String code = line.code() != null ? line.code()
                    : CsvImporter.generatedCode(province, directive, line.title());
            if (!seen.add(code)) {
                errors.add(error(line, "Mã nhiệm vụ", "CONFLICT",
                        "Mã '" + code + "' lặp lại trong tệp / code appears twice in the file"));
                continue;
            }
            Task existing = tasks.findByProvinceCodeAndCode(province, code).orElse(null);
            Agency target = lead;
            boolean allowed = existing == null ? canCreate
                    : can(() -> permissions.requireTaskWrite(existing.getLeadAgency().getId()))
                            && can(() -> permissions.requireTaskWrite(target.getId()));
            if (!allowed) {
                errors.add(error(line, "Mã nhiệm vụ", "FORBIDDEN", existing == null
                        ? "Không có quyền tạo nhiệm vụ / not allowed to create tasks"
                        : "Không có quyền sửa nhiệm vụ '" + code + "' / not allowed to change this task"));
                continue;
            }
            checked.add(new Checked(line, code, lead, directive, deadline, status, existing));
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Checked c : checked) {
            if (c.existing() == null) {
                created++;
            } else if (changed(c)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        if (!errors.isEmpty()) {
            return new AppendixImportReport(province, parsed.lines().size(), created, updated, unchanged, errors);
        }
        tx.executeWithoutResult(status -> checked.forEach(c -> apply(c, province, fileName)));
        return new AppendixImportReport(province, parsed.lines().size(), created, updated, unchanged, List.of());
    }

    private void apply(Checked c, String province, String fileName) {
        AppendixReader.Line line = c.line();
        Task task = c.existing() == null ? null : tasks.findById(c.existing().getId()).orElseThrow();
        boolean statusOrResultChanged = task != null
                && (task.getStatus() != c.status() || !Objects.equals(task.getResult(), line.result()));
        if (task == null) {
            task = new Task(c.code(), province, line.title(), agencies.getReferenceById(c.lead().getId()));
            task.setSourceDoc(fileName == null ? "appendix.xlsx" : truncate(fileName, 200));
        } else if (!changed(c)) {
            return;
        }
        task.setTitle(line.title());
        task.setLeadAgency(agencies.getReferenceById(c.lead().getId()));
        task.setDirective(c.directive() == null ? null : directives.getReferenceById(c.directive().getId()));
        task.setDeadline(c.deadline());
        task.setStatus(c.status());
        task.setResult(line.result());
        if (c.status() == TaskStatus.COMPLETED) {
            task.setProgress(100);
        }
        tasks.save(task);
        if (statusOrResultChanged) {
            task.setLastReportOn(asOfDates.today());
            reports.save(new ProgressReport(task, c.status(), task.getProgress(), line.result(), asOfDates.today(),
                    CurrentActor.name()));
        }
    }

    private static boolean changed(Checked c) {
        Task t = c.existing();
        AppendixReader.Line line = c.line();
        return !line.title().equals(t.getTitle()) || t.getStatus() != c.status()
                || !Objects.equals(line.result(), t.getResult()) || !Objects.equals(t.getLeadAgency().getId(), c.lead().getId())
                || !Objects.equals(t.getDirective() == null ? null : t.getDirective().getId(),
                        c.directive() == null ? null : c.directive().getId())
                || !Objects.equals(c.deadline() == null ? null : c.deadline().dueOn(), t.getDueOn());
    }

    private Optional<Agency> agency(String text) {
        Matcher m = AGENCY_CODE.matcher(text);
        if (m.find()) {
            return agencies.findByCode(m.group(1).trim());
        }
        String folded = TextFolding.fold(text.replaceFirst("^[IVXLCDM]+\\.\\s*", "").trim());
        return agencies.findAll().stream().filter(a -> TextFolding.fold(a.getName()).equals(folded)).findFirst();
    }

    private static boolean can(Runnable check) {
        try {
            check.run();
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private static AppendixImportReport.RowError error(AppendixReader.Line line, String column, String code,
            String message) {
        return new AppendixImportReport.RowError(line.rowNumber(), column, code, "Dòng " + line.rowNumber() + ": "
                + message);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
