package vn.tracker.task;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tracker.annotation.AnnotationService;
import vn.tracker.annotation.ReasonCategoryService;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.InvalidInputException;
import vn.tracker.common.NotFoundException;
import vn.tracker.common.UserError;
import vn.tracker.console.ConsoleController;

/**
 * Adding a reason (lý do chậm) from a row of /tasks without leaving the list, through
 * {@link AnnotationService#annotate} (the API's annotateTask: same permissions, same validation).
 * With htmx the answer is the re-rendered row plus the list's counts out of band; without
 * JavaScript the browser is sent back to the same list URL. On bad input nothing is saved and the
 * row's form shows the messages in the reader's language.
 */
@ConsoleController
class TaskAnnotationConsoleController {

    private final AnnotationService annotations;
    private final ReasonCategoryService categories;
    private final TaskListQuery query;
    private final TaskListLinks links;
    private final AsOfDates asOfDates;

    TaskAnnotationConsoleController(AnnotationService annotations, ReasonCategoryService categories,
            TaskListQuery query, TaskListLinks links, AsOfDates asOfDates) {
        this.annotations = annotations;
        this.categories = categories;
        this.query = query;
        this.links = links;
        this.asOfDates = asOfDates;
    }

    @PostMapping("/tasks/{code}/annotations")
    String annotate(@PathVariable String code, @RequestParam(required = false) String province,
            @RequestParam(required = false) String back, @ModelAttribute AnnotationForm input, HtmxRequest htmx,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        TaskListForm posted = links.parse(back);
        LocalDate asOf = asOfDates.orToday(posted.asOf());
        TaskListForm list = posted.withAsOf(asOf).withDefaultHealth(TaskConsoleController.AT_RISK_LIST);
        Map<String, String> errors = save(code, province, input);
        if (!htmx.isHtmxRequest()) {
            if (errors.isEmpty()) {
                redirect.addFlashAttribute("notice", "annotation.saved");
            } else {
                // Post/redirect/get: the list shows this row's form again, with the messages.
                redirect.addFlashAttribute("annotationErrors", errors);
                redirect.addFlashAttribute("annotationInput", input);
                redirect.addFlashAttribute("annotationCode", code);
            }
            return "redirect:" + list.currentUrl();
        }
        TaskListRow row = query.row(code, province, asOf);
        model.addAttribute("form", list);
        model.addAttribute("r", row);
        model.addAttribute("categories", categories.list(false));
        model.addAttribute("healths", TaskHealth.values());
        model.addAttribute("focusTaskId", row.task().getId());
        if (!errors.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("annotationErrors", errors);
            model.addAttribute("annotationInput", input);
            model.addAttribute("annotationCode", code);
            return "tasks/list :: refused";
        }
        model.addAttribute("counts", query.countsByHealth(list, asOf));
        return "tasks/list :: annotated";
    }

    /** Saves the reason; the messages per field when the input is refused (nothing saved then). */
    private Map<String, String> save(String code, String province, AnnotationForm input) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            annotations.annotate(new AnnotationService.AnnotateCommand(code, province, input.category(), input.text(),
                    Boolean.TRUE.equals(input.blocking()), false));
        } catch (InvalidInputException e) {
            for (UserError error : e.getErrors()) {
                errors.putIfAbsent(error.field() == null ? "" : String.join(".", error.field()), error.message());
            }
        } catch (BadInputException e) {
            errors.put(e.getField() == null ? "" : e.getField(), e.getMessage());
        } catch (NotFoundException e) {
            if (!"category".equals(e.getField())) {
                throw e; // an unknown task is a 404 page, not a form message
            }
            errors.put("category", e.getMessage());
        }
        return errors;
    }
}
