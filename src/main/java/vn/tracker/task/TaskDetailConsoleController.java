package vn.tracker.task;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tracker.common.AsOfDates;
import vn.tracker.console.ConsoleController;

/** The console's task page: every field, health with reasons, histories, evidence. */
@ConsoleController
class TaskDetailConsoleController {

    private final AsOfDates asOfDates;
    private final TaskDetailQuery details;

    TaskDetailConsoleController(AsOfDates asOfDates, TaskDetailQuery details) {
        this.asOfDates = asOfDates;
        this.details = details;
    }

    @GetMapping("/tasks/{code}")
    String show(@PathVariable String code, @RequestParam(required = false) String province,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate date = asOfDates.orToday(asOf);
        model.addAttribute("asOf", date);
        model.addAttribute("d", details.load(code, province, date));
        return "tasks/detail";
    }
}
