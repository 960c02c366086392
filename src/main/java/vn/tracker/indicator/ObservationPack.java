package vn.tracker.indicator;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One year of an indicator's observations of one period type for one agency, packed into one
 * row (table observation_pack): a national series of 3,000 agencies × 52 weeks then reads ~3,000
 * rows instead of ~170,000. Each slot (a period of the year) keeps what the series needs from the
 * current observation row: value, numerator, denominator, as_of and whether revisions exist, so a
 * read for any as-of date takes the slots whose as_of is not later and asks the revision table only
 * for revised slots recorded after it — the same rule as the raw read.
 *
 * <p>Binary layout (version 1): a version byte, then per present slot in ascending order:
 * varint slot, flags byte, zigzag varint (as_of − period end in days), then each present number
 * as a zigzag varint of its unscaled value at scale 4 (the columns' DECIMAL(20,4)), or as UTF-8
 * text after a varint length when that does not fit in a long.
 */
public final class ObservationPack {

    static final int VERSION = 1;
    private static final int HAS_VALUE = 1;
    private static final int HAS_NUMERATOR = 2;
    private static final int HAS_DENOMINATOR = 4;
    private static final int REVISED = 8;
    private static final int TEXT_NUMBERS = 16;
    private static final int SCALE = 4;
    private static final BigDecimal LONG_LIMIT = BigDecimal.valueOf(Long.MAX_VALUE / 2, SCALE);

    /**
     * One period's current observation as the pack keeps it; as_of as an epoch day (a series reads
     * ~250k slots, and comparing numbers spares a LocalDate each).
     */
    public record Slot(BigDecimal value, BigDecimal numerator, BigDecimal denominator, long asOfDay,
            boolean revised) {

        public Slot {
            value = scaled(value);
            numerator = scaled(numerator);
            denominator = scaled(denominator);
        }

        public Slot(BigDecimal value, BigDecimal numerator, BigDecimal denominator, LocalDate asOf, boolean revised) {
            this(value, numerator, denominator, asOf.toEpochDay(), revised);
        }
    }

    private static final Map<String, List<Period>> PERIODS = new ConcurrentHashMap<>();

    private ObservationPack() {
    }

    /** Period types kept in packs: those a series can be read in (plan periods are not). */
    public static boolean packed(PeriodType type) {
        return type != PeriodType.MULTI_YEAR;
    }

    /** The pack's year: the first four digits of the code (the ISO week-year for weeks). */
    public static int year(Period period) {
        return Integer.parseInt(period.code().substring(0, 4));
    }

    /** Position of the period within its pack's year. */
    public static int slot(Period period) {
        return switch (period.type()) {
            case DAY -> period.start().getDayOfYear() - 1;
            case WEEK -> Integer.parseInt(period.code().substring(6)) - 1;
            case MONTH -> period.start().getMonthValue() - 1;
            case QUARTER -> period.code().charAt(6) - '1';
            case YEAR -> 0;
            case MULTI_YEAR -> throw new IllegalArgumentException("plan periods are not packed");
        };
    }

    /** Every period of one type in one pack year, indexed by slot (built once per type and year). */
    static List<Period> periods(PeriodType type, int year) {
        return PERIODS.computeIfAbsent(type + "|" + year, k -> {
            Period first = switch (type) {
                case WEEK -> Period.week(year, 1).orElseThrow();
                default -> Period.containing(LocalDate.of(year, 1, 1), type);
            };
            List<Period> all = new java.util.ArrayList<>();
            for (Period p = first; year(p) == year; p = p.next()) {
                all.add(p);
            }
            return List.copyOf(all);
        });
    }

    /** Slots indexed by position (null = no observation), as {@link #decode} gives them. */
    static Slot[] empty(PeriodType type, int year) {
        return new Slot[periods(type, year).size()];
    }

    public static byte[] encode(PeriodType type, int year, Slot[] slots) {
        List<Period> periods = periods(type, year);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + slots.length * 8);
        out.write(VERSION);
        for (int i = 0; i < slots.length; i++) {
            Slot s = slots[i];
            if (s == null) {
                continue;
            }
            boolean text = tooLong(s.value()) || tooLong(s.numerator()) || tooLong(s.denominator());
            int flags = (s.value() != null ? HAS_VALUE : 0) | (s.numerator() != null ? HAS_NUMERATOR : 0)
                    | (s.denominator() != null ? HAS_DENOMINATOR : 0) | (s.revised() ? REVISED : 0)
                    | (text ? TEXT_NUMBERS : 0);
            writeVarint(out, i);
            out.write(flags);
            writeVarint(out, zigzag(s.asOfDay() - periods.get(i).end().toEpochDay()));
            for (BigDecimal n : new BigDecimal[] {s.value(), s.numerator(), s.denominator()}) {
                if (n == null) {
                    continue;
                }
                if (text) {
                    byte[] b = n.toPlainString().getBytes(StandardCharsets.US_ASCII);
                    writeVarint(out, b.length);
                    out.write(b, 0, b.length);
                } else {
                    writeVarint(out, zigzag(n.unscaledValue().longValueExact()));
                }
            }
        }
        return out.toByteArray();
    }

    public static Slot[] decode(PeriodType type, int year, byte[] payload) {
        List<Period> periods = periods(type, year);
        Slot[] slots = new Slot[periods.size()];
        Reader in = new Reader(payload);
        if (payload.length == 0 || in.next() != VERSION) {
            throw new IllegalStateException("unknown observation pack format");
        }
        while (in.pos < payload.length) {
            int i = (int) in.varint();
            int flags = in.next();
            long asOf = periods.get(i).end().toEpochDay() + unzigzag(in.varint());
            boolean text = (flags & TEXT_NUMBERS) != 0;
            BigDecimal value = (flags & HAS_VALUE) != 0 ? in.number(text) : null;
            BigDecimal numerator = (flags & HAS_NUMERATOR) != 0 ? in.number(text) : null;
            BigDecimal denominator = (flags & HAS_DENOMINATOR) != 0 ? in.number(text) : null;
            slots[i] = new Slot(value, numerator, denominator, asOf, (flags & REVISED) != 0);
        }
        return slots;
    }

    /** As the DECIMAL(20,4) columns store it (both databases round half up). */
    private static BigDecimal scaled(BigDecimal v) {
        return v == null || v.scale() == SCALE ? v : v.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static boolean tooLong(BigDecimal v) {
        return v != null && v.abs().compareTo(LONG_LIMIT) > 0;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        int next() {
            return b[pos++] & 0xFF;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int x = next();
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
        }

        BigDecimal number(boolean text) {
            if (text) {
                int n = (int) varint();
                String s = new String(b, pos, n, StandardCharsets.US_ASCII);
                pos += n;
                return new BigDecimal(s).setScale(SCALE);
            }
            return BigDecimal.valueOf(unzigzag(varint()), SCALE);
        }
    }
}
