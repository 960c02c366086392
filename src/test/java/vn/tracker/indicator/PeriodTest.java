package vn.tracker.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesEveryFormWithStartAndEnd() {
        assertThat(Period.parse("2025").orElseThrow()).isEqualTo(
                new Period(PeriodType.YEAR, "2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        Period q2 = Period.parse("2025-Q2").orElseThrow();
        assertThat(q2.start()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(q2.end()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(Period.parse("2024-02").orElseThrow().end()).isEqualTo(LocalDate.of(2024, 2, 29));
        Period w47 = Period.parse("2025-W47").orElseThrow();
        assertThat(w47.start()).isEqualTo(LocalDate.of(2025, 11, 17));
        assertThat(w47.end()).isEqualTo(LocalDate.of(2025, 11, 23));
        assertThat(Period.parse("2025-11-22").orElseThrow().type()).isEqualTo(PeriodType.DAY);
        assertThat(Period.parse("2026-2030").orElseThrow().type()).isEqualTo(PeriodType.MULTI_YEAR);
    }

    @Test
    void rejectsMalformedPeriods() {
        assertThat(Period.parse("2025-Q5")).isEmpty();
        assertThat(Period.parse("2025-13")).isEmpty();
        assertThat(Period.parse("2025-W54")).isEmpty();
        assertThat(Period.parse("2025-02-30")).isEmpty();
        assertThat(Period.parse("25")).isEmpty();
        assertThat(Period.parse("2030-2026")).isEmpty();
    }

    @Test
    void weeksBelongToTheYearOfTheirThursday() {
        // 2025-12-29 (Monday) starts ISO week 2026-W01.
        Period w1 = Period.containing(LocalDate.of(2025, 12, 29), PeriodType.WEEK);
        assertThat(w1.code()).isEqualTo("2026-W01");
        assertThat(w1.containedIn(PeriodType.YEAR).code()).isEqualTo("2026");
        assertThat(w1.containedIn(PeriodType.MONTH).code()).isEqualTo("2026-01");
        assertThat(Period.parse("2025-11-22").orElseThrow().containedIn(PeriodType.QUARTER).code())
                .isEqualTo("2025-Q4");
        assertThat(Period.parse("2020-W53")).isPresent();
    }

    @Test
    void formatsBackToTheSameCode() {
        for (String code : java.util.List.of("2025", "2025-Q2", "2025-11", "2025-W47", "2025-11-22", "2026-W01")) {
            assertThat(Period.parse(code).orElseThrow().code()).isEqualTo(code);
            assertThat(Period.parse(code).orElseThrow().toString()).isEqualTo(code);
        }
        assertThat(Period.parse("2025-w05").orElseThrow().code()).isEqualTo("2025-W05");
    }

    @Test
    void knowsThePeriodsThatContainIt() {
        assertThat(Period.parse("2025-11-22").orElseThrow().containingPeriods()).extracting(Period::code)
                .containsExactly("2025-W47", "2025-11", "2025-Q4", "2025");
        assertThat(Period.parse("2025-W01").orElseThrow().containingPeriods()).extracting(Period::code)
                .containsExactly("2025-01", "2025-Q1", "2025");
        assertThat(Period.parse("2025-11").orElseThrow().containingPeriods()).extracting(Period::code)
                .containsExactly("2025-Q4", "2025");
        assertThat(Period.parse("2025").orElseThrow().containingPeriods()).isEmpty();
        assertThat(Period.parse("2025-11").orElseThrow().within(PeriodType.WEEK)).isEmpty();
        assertThat(Period.parse("2026-2030").orElseThrow().within(PeriodType.YEAR)).isEmpty();
    }

    @Test
    void rangesAndSuccessorsCrossYearBoundaries() {
        assertThat(Period.parse("2020-W53").orElseThrow().next().code()).isEqualTo("2021-W01");
        assertThat(Period.parse("2025-Q4").orElseThrow().next().code()).isEqualTo("2026-Q1");
        assertThat(Period.parse("2024-02-28").orElseThrow().next().code()).isEqualTo("2024-02-29");
        assertThat(Period.range(PeriodType.MONTH, LocalDate.of(2025, 11, 15), LocalDate.of(2026, 2, 1)))
                .extracting(Period::code).containsExactly("2025-11", "2025-12", "2026-01", "2026-02");
        assertThat(Period.range(PeriodType.WEEK, LocalDate.of(2025, 12, 22), LocalDate.of(2026, 1, 5)))
                .extracting(Period::code).containsExactly("2025-W52", "2026-W01", "2026-W02");
        assertThat(Period.range(PeriodType.YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1))).isEmpty();
    }
}
