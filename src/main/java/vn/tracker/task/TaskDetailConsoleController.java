package vn.tracker.task;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.tracker.audit.AuditTrail;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.ConflictException;
import vn.tracker.common.InvalidInputException;
import vn.tracker.common.UserError;
import vn.tracker.console.ConsoleController;
import vn.tracker.console.QueryLink;
import vn.tracker.security.Permissions;

/**
 * The console's task page: every field, health with reasons, histories, evidence; reporters of
 * the lead agency (and the working group) report progress here through the API's reportProgress.
 */
@ConsoleController
class TaskDetailConsoleController {

    /** Newest audit entries shown on the task page. */
    private static final int AUDIT_ROWS = 50;

    private final AsOfDates asOfDates;
    private final TaskDetailQuery details;
    private final TaskCommandService commands;
    private final Permissions permissions;
    private final AuditTrail auditTrail;

    TaskDetailConsoleController(AsOfDates asOfDates, TaskDetailQuery details, TaskCommandService commands,
            Permissions permissions, AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.asOfDates = asOfDates;
        this.details = details;
        this.commands = commands;
        this.permissions = permissions;
    }

    @GetMapping("/tasks/{code}")
    String show(@PathVariable String code, @RequestParam(required = false) String province,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        TaskDetail d = render(code, province, asOf, model);
        model.addAttribute("progressForm", ProgressForm.of(d.task()));
        return "tasks/detail";
    }

    @PostMapping("/tasks/{code}/progress")
    String report(@PathVariable String code, @RequestParam(required = false) String province,
            @ModelAttribute ProgressForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        String problem = null;
        try {
            commands.reportProgress(form.toCommand(code, province));
            redirect.addFlashAttribute("notice", "progress.saved");
            return "redirect:" + QueryLink.to("/tasks/" + code).with("province", province);
        } catch (InvalidInputException e) {
            for (UserError error : e.getErrors()) {
                errors.putIfAbsent(error.field() == null ? "" : String.join(".", error.field()), error.message());
            }
        } catch (ConflictException e) {
            problem = e.getMessage();
        } catch (BadInputException e) {
            errors.put(e.getField() == null ? "" : e.getField(), e.getMessage());
        }
        // Re-show the page with the user's input and the messages (nothing was saved).
        response.setStatus(422);
        render(code, province, null, model);
        model.addAttribute("progressForm", form);
        model.addAttribute("progressErrors", errors);
        model.addAttribute("progressProblem", problem);
        return "tasks/detail";
    }

    private TaskDetail render(String code, String province, LocalDate asOf, Model model) {
        LocalDate date = asOfDates.orToday(asOf);
        TaskDetail d = details.load(code, province, date);
        model.addAttribute("asOf", date);
        model.addAttribute("d", d);
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("canReport", canReport(d.task()));
        // Who changed what on this task: anyone who may open the task page sees its history.
        model.addAttribute("audit", auditTrail.ofEntity(Task.class.getSimpleName(), d.task().getId(), AUDIT_ROWS));
        return d;
    }

    /** Whether the signed-in user may report on this task: the same rule the service enforces. */
    private boolean canReport(Task task) {
        try {
            permissions.requireTaskWrite(task.getLeadAgency().getId());
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }
}
