package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void quarterIsDueOnItsLastDay() {
        Deadline d = Deadline.parse("Quý I năm 2026").orElseThrow();
        assertThat(d.dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(d.resolution()).isEqualTo(DueResolution.QUARTER);
        assertThat(d.dueText()).isEqualTo("Quý I năm 2026");
        assertThat(Deadline.parse("Quý IV/2025").orElseThrow().dueOn()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(Deadline.parse("2026-Q2").orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void monthDayAndYearForms() {
        assertThat(Deadline.parse("trong tháng 02/2026").orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Deadline.parse("trong tháng 12/2025").orElseThrow().resolution()).isEqualTo(DueResolution.MONTH);
        Deadline day = Deadline.parse("Hoàn thành trước ngày 05/01/2026").orElseThrow();
        assertThat(day.dueOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(day.resolution()).isEqualTo(DueResolution.DAY);
        assertThat(Deadline.parse("Năm 2026").orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Deadline.parse("2025-12-31").orElseThrow().resolution()).isEqualTo(DueResolution.DAY);
        assertThat(Deadline.parse("2026-02").orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void rejectsNonsense() {
        assertThat(Deadline.parse("sớm nhất có thể")).isEmpty();
        assertThat(Deadline.parse("2025-13-40")).isEmpty();
        assertThat(Deadline.parse("Quý V năm 2026")).isEmpty();
        assertThat(Deadline.parse("  ")).isEmpty();
    }
}
