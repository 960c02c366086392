package vn.tracker.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One observation to record, as given by the caller (GraphQL input or a CSV line): codes and text,
 * validated by {@link IngestValidator} before anything is written.
 */
public record IngestRow(String indicator, String agency, String period, BigDecimal value, BigDecimal numerator,
        BigDecimal denominator, LocalDate asOf, String source, String note) {
}
