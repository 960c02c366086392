package vn.tracker.task;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import vn.tracker.console.ConsoleController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.tracker.agency.AgencyService;
import vn.tracker.annotation.ReasonCategoryService;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.PageRequest;
import vn.tracker.directive.DirectiveService;

/**
 * Nhiệm vụ quá hạn / có nguy cơ chậm tiến độ: the working group's list at /tasks. One handler
 * serves the whole page and, for htmx, just the region that changes.
 */
@ConsoleController
class TaskConsoleController {

    static final List<TaskHealth> AT_RISK_LIST = List.of(TaskHealth.OVERDUE, TaskHealth.AT_RISK);

    private final AsOfDates asOfDates;
    private final TaskListQuery query;
    private final DirectiveService directives;
    private final AgencyService agencies;
    private final ReasonCategoryService categories;

    TaskConsoleController(AsOfDates asOfDates, TaskListQuery query, DirectiveService directives,
            AgencyService agencies, ReasonCategoryService categories) {
        this.categories = categories;
        this.asOfDates = asOfDates;
        this.query = query;
        this.directives = directives;
        this.agencies = agencies;
    }

    @GetMapping("/tasks")
    String list(@ModelAttribute TaskListForm form, HtmxRequest htmx, Model model, HttpServletResponse response) {
        LocalDate asOf = asOfDates.orToday(form.asOf());
        TaskListForm shown = form.withAsOf(asOf).withDefaultHealth(AT_RISK_LIST);
        model.addAttribute("form", shown);
        TaskListPage page = query.page(shown, asOf);
        model.addAttribute("page", page);
        // The rows' "add a reason" forms offer the active categories; no query when no row has a form.
        model.addAttribute("categories", page.rows().stream().anyMatch(TaskListRow::annotatable)
                ? categories.list(false) : List.of());
        model.addAttribute("healths", TaskHealth.values());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("sorts", TaskListForm.SORTS);
        // The same URL answers with a page or a fragment: caches must keep them apart.
        response.addHeader("Vary", "HX-Request, HX-Target");
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
            model.addAttribute("inPlaceUpdate", true);
            return "results".equals(htmx.getTarget()) ? "tasks/list :: results" : "tasks/list :: taskList";
        }
        model.addAttribute("programs", directives.allPrograms());
        model.addAttribute("agencyOptions", agencies.list(null, PageRequest.of(PageRequest.MAX_SIZE, null)).nodes());
        return "tasks/list";
    }
}
