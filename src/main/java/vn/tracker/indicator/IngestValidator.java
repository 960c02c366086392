package vn.tracker.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tracker.common.ErrorCode;

/**
 * Checks rows of one ingest request one at a time (so a large CSV streams): known indicator and
 * agency, a well-formed period no finer than the indicator allows, a value inside the indicator's
 * range, numerator not above denominator, each (indicator, agency, period) once per request, and
 * that the caller may report for the agency. Not thread-safe: one per request.
 */
final class IngestValidator {

    /** What the writer needs of an indicator. */
    record IndicatorInfo(long id, String code, Unit unit, PeriodType periodType, BigDecimal min, BigDecimal max) {
    }

    /** A row that passed every check, with ids resolved. */
    record ValidRow(long indicatorId, long agencyId, Period period, BigDecimal value, BigDecimal numerator,
            BigDecimal denominator, LocalDate asOf, String source, String note) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcTemplate jdbc;
    private final AgencyTree.View tree;
    private final IngestPermission permission;
    private final LocalDate today;
    private final Map<String, Optional<IndicatorInfo>> indicators = new HashMap<>();
    private final Map<String, Integer> seen = new HashMap<>();
    /** Parsed periods by code: a file repeats a handful of periods thousands of times. */
    private final Map<String, Optional<Period>> periods = new HashMap<>();
    private final Set<String> indicatorCodes = new HashSet<>();

    IngestValidator(JdbcTemplate jdbc, AgencyTree.View tree, IngestPermission permission, LocalDate today) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.permission = permission;
        this.today = today;
    }

    /** Indicators the valid rows touch, for cache invalidation. */
    Set<String> indicatorCodes() {
        return indicatorCodes;
    }

    /** The valid row, or empty after adding the row's errors to {@code errors}. */
    Optional<ValidRow> check(int index, IngestRow row, List<IngestError> errors) {
        List<IngestError> mine = new ArrayList<>();
        IndicatorInfo indicator = null;
        if (blank(row.indicator())) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "indicator", "Thiếu mã chỉ tiêu / indicator is required"));
        } else {
            indicator = indicator(row.indicator().strip()).orElse(null);
            if (indicator == null) {
                mine.add(new IngestError(index, ErrorCode.NOT_FOUND, "indicator",
                        "Không tìm thấy chỉ tiêu '" + row.indicator() + "' / unknown indicator"));
            }
        }
        AgencyTree.Node agency = null;
        if (blank(row.agency())) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "agency", "Thiếu mã cơ quan / agency is required"));
        } else {
            agency = tree.byCode(row.agency().strip());
            if (agency == null) {
                mine.add(new IngestError(index, ErrorCode.NOT_FOUND, "agency",
                        "Không tìm thấy cơ quan '" + row.agency() + "' / unknown agency"));
            } else if (!permission.allows(agency.id())) {
                mine.add(new IngestError(index, ErrorCode.FORBIDDEN, "agency",
                        "Không có quyền báo cáo số liệu của " + agency.code() + " / may not report for this agency"));
            }
        }
        Period period = row.period() == null ? null
                : periods.computeIfAbsent(row.period(), Period::parse).orElse(null);
        if (period == null) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "period", "Kỳ không hợp lệ: '" + row.period()
                    + "' / malformed period, expected 2025, 2025-Q2, 2025-11, 2025-W47 or 2025-11-22"));
        } else if (indicator != null && period.type().isFinerThan(indicator.periodType())) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "period", "Kỳ " + period.code()
                    + " chi tiết hơn mức chỉ tiêu cho phép (" + indicator.periodType() + ") / period finer than the"
                    + " indicator allows"));
        }
        BigDecimal value = row.value();
        BigDecimal numerator = row.numerator();
        BigDecimal denominator = row.denominator();
        if ((numerator == null) != (denominator == null)) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, numerator == null ? "numerator" : "denominator",
                    "Cần cả tử số và mẫu số / give both numerator and denominator"));
        } else if (numerator != null) {
            if (numerator.signum() < 0 || denominator.signum() <= 0) {
                mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "denominator",
                        "Tử số không âm, mẫu số dương / numerator must be ≥ 0 and denominator > 0"));
            } else if (numerator.compareTo(denominator) > 0) {
                mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "numerator",
                        "Tử số lớn hơn mẫu số / numerator above denominator"));
            } else if (value == null && indicator != null) {
                value = numerator.divide(denominator, MathContext.DECIMAL64);
                value = indicator.unit() == Unit.PERCENT ? value.multiply(HUNDRED) : value;
                value = value.setScale(4, java.math.RoundingMode.HALF_UP);
            }
        }
        if (value == null && numerator == null) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "value",
                    "Thiếu giá trị (hoặc tử số và mẫu số) / value (or numerator and denominator) is required"));
        } else if (value != null && indicator != null && (indicator.min() != null && value.compareTo(indicator.min()) < 0
                || indicator.max() != null && value.compareTo(indicator.max()) > 0)) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "value", "Giá trị " + value.toPlainString()
                    + " nằm ngoài khoảng " + range(indicator) + " / value outside the indicator's range"));
        } else if (value != null && value.abs().compareTo(new BigDecimal("1e16")) >= 0) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "value", "Giá trị quá lớn / value too large"));
        }
        LocalDate asOf = row.asOf() != null ? row.asOf() : today;
        if (row.asOf() != null && row.asOf().isAfter(today)) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "asOf",
                    "Ngày số liệu ở tương lai / asOf is in the future"));
        }
        if (length(row.source()) > 200 || length(row.note()) > 2000) {
            mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, length(row.source()) > 200 ? "source" : "note",
                    "Quá dài (nguồn ≤ 200, ghi chú ≤ 2000 ký tự) / too long (source ≤ 200, note ≤ 2000 characters)"));
        }
        if (indicator != null && agency != null && period != null) {
            Integer first = seen.putIfAbsent(indicator.id() + "|" + agency.id() + "|" + period.code(), index);
            if (first != null) {
                mine.add(new IngestError(index, ErrorCode.BAD_USER_INPUT, "period", "Trùng với dòng " + first
                        + " (cùng chỉ tiêu, cơ quan, kỳ) / duplicate of row " + first + " (same indicator, agency, period)"));
            }
        }
        if (!mine.isEmpty()) {
            errors.addAll(mine);
            return Optional.empty();
        }
        indicatorCodes.add(indicator.code());
        return Optional.of(new ValidRow(indicator.id(), agency.id(), period, value, numerator, denominator, asOf,
                blank(row.source()) ? null : row.source().strip(), blank(row.note()) ? null : row.note().strip()));
    }

    private Optional<IndicatorInfo> indicator(String code) {
        return indicators.computeIfAbsent(code, c -> jdbc.query(
                "SELECT id, code, unit, period_type, min_value, max_value FROM indicator WHERE code = ?",
                (rs, i) -> new IndicatorInfo(rs.getLong(1), rs.getString(2), Unit.valueOf(rs.getString(3)),
                        PeriodType.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getBigDecimal(6)), c)
                .stream().findFirst());
    }

    private static String range(IndicatorInfo i) {
        return "[" + (i.min() == null ? "" : i.min().stripTrailingZeros().toPlainString()) + ", "
                + (i.max() == null ? "" : i.max().stripTrailingZeros().toPlainString()) + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int length(String s) {
        return s == null ? 0 : s.strip().length();
    }
}
