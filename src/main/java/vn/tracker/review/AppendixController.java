package vn.tracker.review;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.task.TaskHealth;

/**
 * The appendix (Phụ lục) as HTTP endpoints for the console and scripts, behind the API security
 * chain (bearer token):
 * <ul>
 * <li>GET /api/appendix/tasks.xlsx?asOf=&amp;province=&amp;leadAgency=&amp;program=&amp;health=</li>
 * <li>GET /api/appendix/weekly-review.xlsx?asOf=&amp;province=&amp;leadAgency=&amp;program=</li>
 * <li>POST /api/appendix/tasks (multipart: file, optional province) → JSON import report</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/appendix")
class AppendixController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AppendixExportService exports;
    private final AppendixImportService imports;
    private final AsOfDates asOfDates;

    AppendixController(AppendixExportService exports, AppendixImportService imports, AsOfDates asOfDates) {
        this.exports = exports;
        this.imports = imports;
        this.asOfDates = asOfDates;
    }

    @GetMapping("/tasks.xlsx")
    ResponseEntity<byte[]> tasks(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String province, @RequestParam(required = false) List<String> leadAgency,
            @RequestParam(required = false) List<String> program, @RequestParam(required = false) List<TaskHealth> health) {
        LocalDate date = asOfDates.orToday(asOf);
        Set<TaskHealth> healths = health == null || health.isEmpty() ? null : EnumSet.copyOf(health);
        byte[] xlsx = exports.taskList(date, new ReviewScope(province, leadAgency, program), healths);
        return file(xlsx, "phu-luc-nhiem-vu-" + date + ".xlsx");
    }

    @GetMapping("/weekly-review.xlsx")
    ResponseEntity<byte[]> weeklyReview(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String province, @RequestParam(required = false) List<String> leadAgency,
            @RequestParam(required = false) List<String> program) {
        LocalDate date = asOfDates.orToday(asOf);
        byte[] xlsx = exports.weeklyReview(date, new ReviewScope(province, leadAgency, program));
        return file(xlsx, "giao-ban-tuan-" + WeeklyReviewService.weekOf(date) + ".xlsx");
    }

    @PostMapping(path = "/tasks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AppendixImportReport> importTasks(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String province) throws IOException {
        if (file.isEmpty()) {
            throw new BadInputException("file", "Tệp rỗng / empty file");
        }
        AppendixImportReport report = imports.importTasks(file.getInputStream(), province, file.getOriginalFilename());
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    @ExceptionHandler(BadInputException.class)
    ResponseEntity<Map<String, Object>> badInput(BadInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "BAD_USER_INPUT", e.getField(), e.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return problem(HttpStatus.BAD_REQUEST, "BAD_USER_INPUT", field,
                "Tham số '" + field + "' không hợp lệ / invalid parameter '" + field + "'");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "Không có quyền / forbidden");
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String code, String field,
            String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(field == null ? Map.of("code", code, "message", message)
                        : Map.of("code", code, "field", field, "message", message));
    }
}
