package vn.tracker.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.common.InvalidInputException;
import vn.tracker.common.Payloads;
import vn.tracker.common.UserError;

@Controller
class ObservationGraphQlController {

    private final ObservationIngestService ingest;

    ObservationGraphQlController(ObservationIngestService ingest) {
        this.ingest = ingest;
    }

    record IngestSummary(int rows, int created, int updated, int unchanged) {
    }

    /** Payload { summary, errors }: row errors carry the path input.<index>.<field>; nothing is written then. */
    @MutationMapping
    Map<String, Object> recordObservations(@Argument List<Map<String, Object>> input) {
        return Payloads.of("summary", () -> {
            IngestResult result = ingest.record(input.stream().map(ObservationGraphQlController::row).toList());
            if (!result.ok()) {
                throw new InvalidInputException(result.errors().stream()
                        .map(e -> new UserError(e.code(), e.path(), "Dòng " + e.index() + ": " + e.message()))
                        .toList());
            }
            return new IngestSummary(result.rows(), result.created(), result.updated(), result.unchanged());
        });
    }

    private static IngestRow row(Map<String, Object> in) {
        return new IngestRow((String) in.get("indicator"), (String) in.get("agency"), (String) in.get("period"),
                decimal(in.get("value")), decimal(in.get("numerator")), decimal(in.get("denominator")),
                (LocalDate) in.get("asOf"), (String) in.get("source"), (String) in.get("note"));
    }

    /** GraphQL Float arrives as a double; its shortest decimal form is what the caller wrote (88.21). */
    private static BigDecimal decimal(Object v) {
        return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }
}
