package vn.tracker.indicator;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One period's observations of an indicator for a block of {@value #BLOCK} agencies (by id),
 * packed into one row of observation_pack: a national weekly series (3,000 agencies × 52 weeks)
 * reads ~1,500 rows instead of ~170,000, and an ingest of every commune for two weeks writes ~60
 * small rows, new data only appended. Each slot (an agency of the block) keeps what the series
 * needs from the current observation row: value, numerator, denominator, as_of and whether
 * revisions exist, so a read for any as-of date takes the slots whose as_of is not later and asks
 * the revision table only for revised slots recorded after it — the same rule as the raw read.
 *
 * <p>Binary layout (version 2): one or more segments, each a version byte, a varint length and
 * that many bytes of entries. An ingest appends a segment for new observations without reading
 * the row; a correction rewrites the row as one segment. An entry: varint slot (agency id mod
 * {@value #BLOCK}), flags byte, zigzag varint (as_of − period end in days), then each present
 * number as a zigzag varint of its unscaled value at scale 4 (the columns' DECIMAL(20,4)), or as
 * UTF-8 text after a varint length when that does not fit in a long. A later entry for a slot
 * replaces an earlier one.
 */
public final class ObservationPack {

    static final int VERSION = 2;
    /** Agencies per pack row: their ids' low bits are the slot, so a slot is one byte. */
    public static final int BLOCK = 128;
    private static final int HAS_VALUE = 1;
    private static final int HAS_NUMERATOR = 2;
    private static final int HAS_DENOMINATOR = 4;
    private static final int REVISED = 8;
    private static final int TEXT_NUMBERS = 16;
    private static final int SCALE = 4;
    private static final BigDecimal LONG_LIMIT = BigDecimal.valueOf(Long.MAX_VALUE / 2, SCALE);

    /**
     * One agency's current observation as the pack keeps it; as_of as an epoch day (a series reads
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

    private static final Map<String, Period> PERIODS = new ConcurrentHashMap<>();

    private ObservationPack() {
    }

    /** Period types kept in packs: those a series can be read in (plan periods are not). */
    public static boolean packed(PeriodType type) {
        return type != PeriodType.MULTI_YEAR;
    }

    public static long block(long agencyId) {
        return Math.floorDiv(agencyId, BLOCK);
    }

    public static int slot(long agencyId) {
        return (int) Math.floorMod(agencyId, BLOCK);
    }

    public static long agency(long block, int slot) {
        return block * BLOCK + slot;
    }

    /** The period a pack row holds, from its key (looked up once per type and start). */
    static Period period(PeriodType type, LocalDate start) {
        return PERIODS.computeIfAbsent(type.name() + start, k -> {
            Period p = Period.containing(start, type);
            if (!p.start().equals(start)) {
                throw new IllegalStateException("not the start of a " + type + ": " + start);
            }
            return p;
        });
    }

    /** Slots indexed by position in the block (null = no observation), as {@link #decode} gives them. */
    static Slot[] empty() {
        return new Slot[BLOCK];
    }

    /** One segment holding the non-null slots, in slot order. */
    public static byte[] encode(Period period, Slot[] slots) {
        ByteArrayOutputStream entries = new ByteArrayOutputStream(slots.length * 8);
        long end = period.end().toEpochDay();
        for (int i = 0; i < slots.length; i++) {
            Slot s = slots[i];
            if (s == null) {
                continue;
            }
            boolean text = tooLong(s.value()) || tooLong(s.numerator()) || tooLong(s.denominator());
            int flags = (s.value() != null ? HAS_VALUE : 0) | (s.numerator() != null ? HAS_NUMERATOR : 0)
                    | (s.denominator() != null ? HAS_DENOMINATOR : 0) | (s.revised() ? REVISED : 0)
                    | (text ? TEXT_NUMBERS : 0);
            writeVarint(entries, i);
            entries.write(flags);
            writeVarint(entries, zigzag(s.asOfDay() - end));
            for (BigDecimal n : new BigDecimal[] {s.value(), s.numerator(), s.denominator()}) {
                if (n == null) {
                    continue;
                }
                if (text) {
                    byte[] b = n.toPlainString().getBytes(StandardCharsets.US_ASCII);
                    writeVarint(entries, b.length);
                    entries.write(b, 0, b.length);
                } else {
                    writeVarint(entries, zigzag(n.unscaledValue().longValueExact()));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() + 4);
        out.write(VERSION);
        writeVarint(out, entries.size());
        out.write(entries.toByteArray(), 0, entries.size());
        return out.toByteArray();
    }

    /** Every segment in order, a later entry for a slot replacing an earlier one. */
    public static Slot[] decode(Period period, byte[] payload) {
        Slot[] slots = new Slot[BLOCK];
        long end = period.end().toEpochDay();
        Reader in = new Reader(payload);
        if (payload.length == 0) {
            throw new IllegalStateException("empty observation pack");
        }
        while (in.pos < payload.length) {
            if (in.next() != VERSION) {
                throw new IllegalStateException("unknown observation pack format");
            }
            int segmentEnd = (int) in.varint() + in.pos;
            while (in.pos < segmentEnd) {
                int i = (int) in.varint();
                int flags = in.next();
                long asOf = end + unzigzag(in.varint());
                boolean text = (flags & TEXT_NUMBERS) != 0;
                BigDecimal value = (flags & HAS_VALUE) != 0 ? in.number(text) : null;
                BigDecimal numerator = (flags & HAS_NUMERATOR) != 0 ? in.number(text) : null;
                BigDecimal denominator = (flags & HAS_DENOMINATOR) != 0 ? in.number(text) : null;
                slots[i] = new Slot(value, numerator, denominator, asOf, (flags & REVISED) != 0);
            }
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
