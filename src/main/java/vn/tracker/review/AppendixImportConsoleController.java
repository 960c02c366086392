package vn.tracker.review;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.tracker.common.BadInputException;
import vn.tracker.console.ConsoleController;
import vn.tracker.security.Permissions;

/**
 * Nhập phụ lục: the working group uploads the provinces' XLSX appendix (the layout the export
 * writes) through the same all-or-nothing {@link AppendixImportService} as POST /api/appendix/tasks.
 * The page shows an upload progress bar (htmx) and the per-row report in the reader's language;
 * without JavaScript it is a plain multipart form whose answer is the same page with the report.
 */
@ConsoleController
class AppendixImportConsoleController {

    private final AppendixImportService imports;
    private final Permissions permissions;

    AppendixImportConsoleController(AppendixImportService imports, Permissions permissions) {
        this.imports = imports;
        this.permissions = permissions;
    }

    @GetMapping("/review/import")
    String page() {
        permissions.requireWorkingGroup();
        return "review/import";
    }

    @PostMapping("/review/import")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String province,
            HtmxRequest htmx, Model model, HttpServletResponse response) throws IOException {
        permissions.requireWorkingGroup();
        model.addAttribute("province", province);
        try {
            if (file == null || file.isEmpty()) {
                throw new BadInputException("file", "Chưa chọn tệp hoặc tệp rỗng / no file chosen, or the file is empty");
            }
            AppendixImportReport report = imports.importTasks(file.getInputStream(), province,
                    file.getOriginalFilename());
            model.addAttribute("report", report);
            model.addAttribute("fileName", file.getOriginalFilename());
            if (!report.ok()) {
                response.setStatus(422);
            }
        } catch (BadInputException e) {
            // Not an appendix at all (or no province): one message, nothing imported.
            response.setStatus(422);
            model.addAttribute("problem", e.getMessage());
        }
        return htmx.isHtmxRequest() ? "review/import :: result" : "review/import";
    }
}
