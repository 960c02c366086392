package vn.tracker.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The pack layout on its own: segments appended one after another, a later entry for a slot wins. */
class ObservationPackFormatTest {

    private static final Period WEEK = Period.parse("2025-W10").orElseThrow();

    @Test
    void aLaterSegmentReplacesItsSlotsAndKeepsTheOthers() {
        ObservationPack.Slot[] first = ObservationPack.empty();
        first[0] = slot("1.5", null, null, "2025-03-10", false);
        first[5] = slot("85.49", "1709800", "2000000", "2025-03-01", false); // as_of before the period end
        first[127] = slot(null, "3", "4", "2025-03-12", false);
        ObservationPack.Slot[] second = ObservationPack.empty();
        second[5] = slot("88.21", "1764200", "2000000", "2025-04-01", true);
        second[64] = slot("-7", null, null, "2025-03-09", false);

        ObservationPack.Slot[] decoded = ObservationPack.decode(WEEK,
                concat(ObservationPack.encode(WEEK, first), ObservationPack.encode(WEEK, second)));

        assertThat(decoded[0]).isEqualTo(first[0]);
        assertThat(decoded[5]).isEqualTo(second[5]);
        assertThat(decoded[5].revised()).isTrue();
        assertThat(decoded[64]).isEqualTo(second[64]);
        assertThat(decoded[127]).isEqualTo(first[127]);
        assertThat(java.util.Arrays.stream(decoded).filter(s -> s != null).count()).isEqualTo(4);
        // Compacted again: one segment with the same slots.
        assertThat(ObservationPack.decode(WEEK, ObservationPack.encode(WEEK, decoded))).isEqualTo(decoded);
    }

    @Test
    void numbersBeyondALongTravelAsText() {
        ObservationPack.Slot[] slots = ObservationPack.empty();
        slots[3] = slot("9999999999999999.9999", "-9999999999999999.9999", "0.0001", "2025-03-09", false);
        assertThat(ObservationPack.decode(WEEK, ObservationPack.encode(WEEK, slots))[3]).isEqualTo(slots[3]);
    }

    @Test
    void slotsAreTheLowBitsOfTheAgencyId() {
        assertThat(ObservationPack.block(300)).isEqualTo(2);
        assertThat(ObservationPack.slot(300)).isEqualTo(44);
        assertThat(ObservationPack.agency(2, 44)).isEqualTo(300);
    }

    @Test
    void anUnknownLayoutIsRefused() {
        assertThatThrownBy(() -> ObservationPack.decode(WEEK, new byte[] {1, 0})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ObservationPack.period(PeriodType.WEEK, LocalDate.of(2025, 3, 4)))
                .isInstanceOf(IllegalStateException.class); // not a Monday
    }

    private static ObservationPack.Slot slot(String value, String numerator, String denominator, String asOf,
            boolean revised) {
        return new ObservationPack.Slot(value == null ? null : new BigDecimal(value),
                numerator == null ? null : new BigDecimal(numerator), denominator == null ? null : new BigDecimal(denominator),
                LocalDate.parse(asOf), revised);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
