package vn.tracker.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tracker.common.BadInputException;
import vn.tracker.common.ConflictException;
import vn.tracker.common.ErrorCode;

/**
 * CSV upload of observations for files larger than a GraphQL call takes: POST the file as the
 * request body (Content-Type text/csv) or as multipart part "file" to /api/observations. The body
 * is streamed; rows are validated and written in batches inside one transaction, all-or-nothing.
 * Answers 200 with counts, or 422 with the row errors (row = 0-based data row, line = file line).
 * Under the API security chain: bearer token with the report scope.
 */
@RestController
@RequestMapping("/api/observations")
class ObservationUploadController {

    private final ObservationIngestService ingest;

    ObservationUploadController(ObservationIngestService ingest) {
        this.ingest = ingest;
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<Map<String, Object>> uploadBody(InputStream body) throws IOException {
        return answer(ingest.importCsv(reader(body)));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> uploadFile(@RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return answer(ingest.importCsv(reader(in)));
        }
    }

    /** UTF-8, with or without the byte-order mark Excel writes. */
    private static Reader reader(InputStream in) throws IOException {
        PushbackReader reader = new PushbackReader(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static ResponseEntity<Map<String, Object>> answer(IngestResult r) {
        if (r.ok()) {
            return ResponseEntity.ok(Map.of("rows", r.rows(), "created", r.created(), "updated", r.updated(),
                    "unchanged", r.unchanged(), "errors", List.of()));
        }
        List<Map<String, Object>> errors = r.errors().stream().map(e -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("row", e.index());
            m.put("line", e.index() + 2);
            m.put("code", e.code().name());
            m.put("field", e.field());
            m.put("message", e.message());
            return m;
        }).toList();
        return ResponseEntity.unprocessableContent().body(Map.of("rows", r.rows(), "created", 0, "updated", 0,
                "unchanged", 0, "errors", errors));
    }

    @ExceptionHandler(BadInputException.class)
    ResponseEntity<Map<String, Object>> badInput(BadInputException e) {
        return error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_USER_INPUT, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "Không có quyền / forbidden");
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, ErrorCode.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, ErrorCode code, String message) {
        return ResponseEntity.status(status).body(Map.of("errors",
                List.of(Map.of("code", code.name(), "message", message))));
    }
}
