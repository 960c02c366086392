package vn.tracker.indicator;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tracker.audit.AuditEntry;
import vn.tracker.audit.BulkWriteAudit;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.ConflictException;
import vn.tracker.common.ErrorCode;
import vn.tracker.security.CurrentActor;
import vn.tracker.security.Permissions;

/**
 * Records observations: upsert by (indicator, agency, period), the replaced value kept as a
 * revision, every row validated with its index, all-or-nothing per request. Two entry points share
 * the rules and the batched writer: {@link #record} for up to {@value #MAX_ROWS} rows (GraphQL) and
 * {@link #importCsv} which streams a file of any size inside one transaction, writing in batches
 * as rows come and rolling everything back if any row fails.
 */
@Service
public class ObservationIngestService {

    public static final int MAX_ROWS = 10_000;
    /** Errors reported per request; a file with more stops being read there. */
    static final int MAX_ERRORS = 200;
    private static final int CSV_BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final AgencyTree tree;
    private final Permissions permissions;
    private final ObservationWriter writer;
    private final SeriesCache cache;
    private final TransactionTemplate tx;
    private final AsOfDates asOfDates;
    private final Clock clock;

    private final BulkWriteAudit audit;

    ObservationIngestService(JdbcTemplate jdbc, AgencyTree tree, Permissions permissions, ObservationWriter writer,
            SeriesCache cache, TransactionTemplate tx, AsOfDates asOfDates, Clock clock, BulkWriteAudit audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.tree = tree;
        this.permissions = permissions;
        this.writer = writer;
        this.cache = cache;
        this.tx = tx;
        this.asOfDates = asOfDates;
        this.clock = clock;
    }

    public IngestResult record(List<IngestRow> rows) {
        if (rows.size() > MAX_ROWS) {
            throw new BadInputException("input", "Tối đa " + MAX_ROWS + " dòng mỗi lần; tệp lớn hơn hãy tải lên CSV / at most "
                    + MAX_ROWS + " rows per call; upload larger sets as CSV");
        }
        AgencyTree.View view = tree.view();
        IngestValidator validator = new IngestValidator(jdbc, view, IngestPermission.of(permissions, view),
                asOfDates.today());
        List<IngestError> errors = new ArrayList<>();
        List<IngestValidator.ValidRow> valid = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            validator.check(i, rows.get(i), errors).ifPresent(valid::add);
        }
        if (!errors.isEmpty()) {
            return new IngestResult(rows.size(), 0, 0, 0, cap(errors));
        }
        ObservationWriter.Counts counts = inTransaction(() -> audited(rows.size(), validator.indicatorCodes(),
                writer.write(valid, CurrentActor.name(), clock.instant())));
        invalidate(validator.indicatorCodes());
        return new IngestResult(rows.size(), counts.created(), counts.updated(), counts.unchanged(), List.of());
    }

    /**
     * Streams a CSV (header: indicator_code, scope or agency_code, period, value, numerator,
     * denominator, as_of, source_doc, note; the layout of the sample observations.csv). Row
     * indexes in errors are 0-based data rows; the file line is index + 2.
     */
    public IngestResult importCsv(Reader reader) {
        AgencyTree.View view = tree.view();
        IngestValidator validator = new IngestValidator(jdbc, view, IngestPermission.of(permissions, view),
                asOfDates.today());
        List<IngestError> errors = new ArrayList<>();
        int[] total = new int[1];
        ObservationWriter.Counts counts = inTransaction(() -> {
            ObservationWriter.Counts sum = new ObservationWriter.Counts(0, 0, 0);
            List<IngestValidator.ValidRow> batch = new ArrayList<>(CSV_BATCH);
            String who = CurrentActor.name();
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
                requireColumns(parser);
                for (CSVRecord record : parser) {
                    int index = (int) record.getRecordNumber() - 1;
                    total[0] = index + 1;
                    IngestRow row = parseRow(index, record, errors);
                    if (row != null) {
                        validator.check(index, row, errors).ifPresent(r -> {
                            if (errors.isEmpty()) {
                                batch.add(r);
                            }
                        });
                    }
                    if (errors.size() >= MAX_ERRORS) {
                        break;
                    }
                    if (batch.size() >= CSV_BATCH) {
                        sum = sum.plus(writer.write(batch, who, clock.instant()));
                        batch.clear();
                    }
                }
            } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
                errors.add(new IngestError(total[0], ErrorCode.BAD_USER_INPUT, null,
                        "Tệp CSV không đọc được / unreadable CSV: " + safe(e.getMessage())));
            }
            if (errors.isEmpty() && !batch.isEmpty()) {
                sum = sum.plus(writer.write(batch, who, clock.instant()));
            }
            if (!errors.isEmpty()) {
                throw new RollBack();
            }
            return audited(total[0], validator.indicatorCodes(), sum);
        });
        if (counts == null) {
            return new IngestResult(total[0], 0, 0, 0, cap(errors));
        }
        invalidate(validator.indicatorCodes());
        return new IngestResult(total[0], counts.created(), counts.updated(), counts.unchanged(), List.of());
    }

    /** Ingest writes by JDBC, which the audit listener cannot see: one audit entry per request. */
    private ObservationWriter.Counts audited(int rows, java.util.Collection<String> indicatorCodes,
            ObservationWriter.Counts counts) {
        if (counts.created() + counts.updated() > 0) {
            audit.record("ObservationBatch", String.join(",", new java.util.TreeSet<>(indicatorCodes)), List.of(
                    new AuditEntry.FieldChange("rows", null, String.valueOf(rows)),
                    new AuditEntry.FieldChange("created", null, String.valueOf(counts.created())),
                    new AuditEntry.FieldChange("updated", null, String.valueOf(counts.updated())),
                    new AuditEntry.FieldChange("unchanged", null, String.valueOf(counts.unchanged()))));
        }
        return counts;
    }

    private static void requireColumns(CSVParser parser) {
        List<String> header = parser.getHeaderNames();
        boolean agency = header.contains("scope") || header.contains("agency_code") || header.contains("agency");
        boolean indicator = header.contains("indicator_code") || header.contains("indicator");
        if (!agency || !indicator || !header.contains("period")) {
            throw new BadInputException("file", "Thiếu cột: cần indicator_code, scope (hoặc agency_code), period, value"
                    + " / missing columns: indicator_code, scope (or agency_code), period and value are required");
        }
    }

    private static IngestRow parseRow(int index, CSVRecord r, List<IngestError> errors) {
        int before = errors.size();
        BigDecimal value = decimal(index, r, "value", errors);
        BigDecimal numerator = decimal(index, r, "numerator", errors);
        BigDecimal denominator = decimal(index, r, "denominator", errors);
        LocalDate asOf = null;
        String asOfText = get(r, "as_of");
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                errors.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "asOf",
                        "Ngày không hợp lệ '" + asOfText + "' / malformed date, expected 2025-11-22"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        String agency = get(r, "scope") != null ? get(r, "scope")
                : get(r, "agency_code") != null ? get(r, "agency_code") : get(r, "agency");
        String indicator = get(r, "indicator_code") != null ? get(r, "indicator_code") : get(r, "indicator");
        String source = get(r, "source_doc") != null ? get(r, "source_doc") : get(r, "source");
        return new IngestRow(indicator, agency, get(r, "period"), value, numerator, denominator, asOf, source,
                get(r, "note"));
    }

    private static BigDecimal decimal(int index, CSVRecord r, String column, List<IngestError> errors) {
        String text = get(r, column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, column,
                    "Số không hợp lệ '" + text + "' (dùng dấu chấm thập phân) / malformed number, use a decimal point"));
            return null;
        }
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v;
    }

    private static String safe(String message) {
        return message == null ? "" : message.replaceAll("[\\r\\n]", " ");
    }

    /** Signals a rollback of the streaming transaction once every row error has been collected. */
    private static final class RollBack extends RuntimeException {
        RollBack() {
            super(null, null, false, false);
        }
    }

    private ObservationWriter.Counts inTransaction(java.util.function.Supplier<ObservationWriter.Counts> work) {
        try {
            return tx.execute(status -> work.get());
        } catch (RollBack e) {
            return null;
        } catch (DuplicateKeyException | org.springframework.dao.PessimisticLockingFailureException e) {
            // Another request inserted the same (indicator, agency, period) at the same moment, or the
            // database chose this request as a deadlock's victim: nothing was written either way.
            throw new ConflictException("Số liệu vừa được ghi đồng thời, hãy gửi lại / recorded concurrently, retry");
        }
    }

    private void invalidate(Set<String> indicatorCodes) {
        indicatorCodes.forEach(cache::invalidate);
    }

    private static List<IngestError> cap(List<IngestError> errors) {
        return errors.size() > MAX_ERRORS ? List.copyOf(errors.subList(0, MAX_ERRORS)) : List.copyOf(errors);
    }
}
