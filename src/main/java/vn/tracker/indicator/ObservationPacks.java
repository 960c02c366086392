package vn.tracker.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps observation_pack in step with the observation table, inside the writer's transaction.
 * Every path that writes observations calls {@link #apply}: {@link ObservationWriter} (ingest) and
 * {@link ObservationPackListener} (JPA writers, once per transaction).
 *
 * <p>A pack that only gains new observations gets them appended as a segment by one atomic upsert
 * ({@code ON DUPLICATE KEY UPDATE payload = CONCAT(payload, …)}): no read, and two uploads adding
 * to the same pack queue on its row lock instead of colliding. A pack with a corrected or removed
 * observation is read with FOR UPDATE, changed in memory and rewritten as one segment, which also
 * compacts what was appended. Keys go to the database in one order, so writers lock rows in the
 * same order.
 */
@Repository
public class ObservationPacks {

    /** Packs per lookup or INSERT statement. */
    private static final int CHUNK = 1000;
    /** Period starts per locking lookup (× every block among the keys). */
    private static final int LOOKUP_PERIODS = 100;
    /** A pack another transaction inserted between our read and our insert: read it again. */
    private static final int INSERT_ATTEMPTS = 3;

    /** The current state of one observation (slot null: the observation is gone). */
    record Change(long indicatorId, long agencyId, Period period, ObservationPack.Slot slot) {

        /** A new observation: its pack can take it appended, whatever the pack holds. */
        boolean appendable() {
            return slot != null && !slot.revised();
        }
    }

    /** A stored pack as the series read gets it. */
    record Stored(long block, Period period, byte[] payload) {
    }

    record Key(long indicatorId, PeriodType type, LocalDate start, long block) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::indicatorId)
            .thenComparing(k -> k.type().name()).thenComparing(Key::start).thenComparingLong(Key::block);

    private final JdbcTemplate jdbc;
    private volatile String append;

    ObservationPacks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the changes into their packs; runs inside the caller's transaction. */
    public void apply(Collection<Change> changes) {
        Map<Key, List<Change>> appends = new TreeMap<>(ORDER);
        Map<Key, List<Change>> rewrites = new TreeMap<>(ORDER);
        Map<Key, List<Change>> byPack = new TreeMap<>(ORDER);
        for (Change c : changes) {
            if (ObservationPack.packed(c.period().type())) {
                byPack.computeIfAbsent(new Key(c.indicatorId(), c.period().type(), c.period().start(),
                        ObservationPack.block(c.agencyId())), k -> new ArrayList<>()).add(c);
            }
        }
        byPack.forEach((k, list) -> (list.stream().allMatch(Change::appendable) ? appends : rewrites).put(k, list));
        rewrite(rewrites);
        append(appends);
    }

    private void append(Map<Key, List<Change>> byPack) {
        List<Key> keys = new ArrayList<>(byPack.keySet());
        List<byte[]> payloads = new ArrayList<>(keys.size());
        for (Key k : keys) {
            payloads.add(ObservationPack.encode(ObservationPack.period(k.type(), k.start()), slots(byPack.get(k), null)));
        }
        for (int from = 0; from < keys.size(); from += CHUNK) {
            int to = Math.min(keys.size(), from + CHUNK);
            insert(keys.subList(from, to), payloads.subList(from, to), " ON DUPLICATE KEY UPDATE " + appendSql());
        }
    }

    private static ObservationPack.Slot[] slots(List<Change> changes, ObservationPack.Slot[] into) {
        ObservationPack.Slot[] slots = into != null ? into : ObservationPack.empty();
        for (Change c : changes) {
            slots[ObservationPack.slot(c.agencyId())] = c.slot();
        }
        return slots;
    }

    /**
     * Binary concatenation: CONCAT on MariaDB/MySQL; H2 (MySQL mode) turns CONCAT's arguments into
     * text and concatenates bytes with ||, which MariaDB reads as OR.
     */
    private String appendSql() {
        if (append == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            append = "H2".equalsIgnoreCase(product) ? "payload = payload || VALUES(payload)"
                    : "payload = CONCAT(payload, VALUES(payload))";
        }
        return append;
    }

    private void rewrite(Map<Key, List<Change>> byPack) {
        Map<Key, List<Change>> pending = byPack;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            pending = rewriteOnce(pending, attempt == INSERT_ATTEMPTS);
        }
    }

    /** One round: rewrite the packs that exist, insert the others; gives back what lost an insert race. */
    private Map<Key, List<Change>> rewriteOnce(Map<Key, List<Change>> byPack, boolean lastAttempt) {
        Map<Key, byte[]> existing = lockExisting(byPack.keySet());
        List<Key> updateKeys = new ArrayList<>();
        List<byte[]> updatePayloads = new ArrayList<>();
        List<Key> insertKeys = new ArrayList<>();
        List<byte[]> insertPayloads = new ArrayList<>();
        for (Map.Entry<Key, List<Change>> e : byPack.entrySet()) {
            Key k = e.getKey();
            Period period = ObservationPack.period(k.type(), k.start());
            byte[] old = existing.get(k);
            ObservationPack.Slot[] slots = slots(e.getValue(), old == null ? null : ObservationPack.decode(period, old));
            byte[] payload = ObservationPack.encode(period, slots);
            (old != null ? updateKeys : insertKeys).add(k);
            (old != null ? updatePayloads : insertPayloads).add(payload);
        }
        for (int from = 0; from < updateKeys.size(); from += CHUNK) {
            int to = Math.min(updateKeys.size(), from + CHUNK);
            // Rows we hold locked, rewritten by one multi-row statement per chunk instead of one
            // UPDATE each; H2 accepts the syntax in MySQL mode.
            insert(updateKeys.subList(from, to), updatePayloads.subList(from, to),
                    " ON DUPLICATE KEY UPDATE payload = VALUES(payload)");
        }
        Map<Key, List<Change>> lost = new TreeMap<>(ORDER);
        for (int from = 0; from < insertKeys.size(); from += CHUNK) {
            int to = Math.min(insertKeys.size(), from + CHUNK);
            try {
                insert(insertKeys.subList(from, to), insertPayloads.subList(from, to), "");
            } catch (DuplicateKeyException e) {
                if (lastAttempt) {
                    throw e;
                }
                // Another transaction created some of these packs after our read (its row lock made
                // our INSERT wait until it committed): merge into them in the next round.
                insertKeys.subList(from, to).forEach(k -> lost.put(k, byPack.get(k)));
            }
        }
        return lost;
    }

    /** Pack keys are numbers, dates and enum names from our own code, inlined; payloads are bound. */
    private void insert(List<Key> keys, List<byte[]> payloads, String onDuplicate) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO observation_pack (indicator_id, period_type, period_start, agency_block, payload) VALUES ");
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            sql.append(i == 0 ? "" : ",").append('(').append(k.indicatorId()).append(",'").append(k.type().name())
                    .append("','").append(k.start()).append("',").append(k.block()).append(",?)");
        }
        jdbc.update(sql.append(onDuplicate).toString(), ps -> {
            for (int i = 0; i < payloads.size(); i++) {
                ps.setBytes(i + 1, payloads.get(i));
            }
        });
    }

    /**
     * The existing packs among the keys, locked until the transaction ends: per indicator and
     * period type, the grid of their period starts × blocks (a correction's keys usually are one).
     */
    private Map<Key, byte[]> lockExisting(Collection<Key> keys) {
        Map<String, List<Key>> byGroup = new TreeMap<>();
        for (Key k : keys) {
            byGroup.computeIfAbsent(k.indicatorId() + "|" + k.type(), g -> new ArrayList<>()).add(k);
        }
        Set<Key> wanted = Set.copyOf(keys);
        Map<Key, byte[]> result = new HashMap<>();
        for (List<Key> group : byGroup.values()) {
            Key first = group.get(0);
            List<LocalDate> starts = new ArrayList<>(group.stream().map(Key::start).collect(Collectors.toCollection(TreeSet::new)));
            String blocks = group.stream().map(Key::block).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .map(String::valueOf).collect(Collectors.joining(","));
            for (int from = 0; from < starts.size(); from += LOOKUP_PERIODS) {
                String in = starts.subList(from, Math.min(starts.size(), from + LOOKUP_PERIODS)).stream()
                        .map(d -> "'" + d + "'").collect(Collectors.joining(","));
                jdbc.query("SELECT period_start, agency_block, payload FROM observation_pack WHERE indicator_id = "
                        + first.indicatorId() + " AND period_type = '" + first.type().name() + "' AND period_start IN ("
                        + in + ") AND agency_block IN (" + blocks + ") ORDER BY period_start, agency_block FOR UPDATE",
                        rs -> {
                            Key k = new Key(first.indicatorId(), first.type(), rs.getObject(1, LocalDate.class),
                                    rs.getLong(2));
                            if (wanted.contains(k)) {
                                result.put(k, rs.getBytes(3));
                            }
                        });
            }
        }
        return result;
    }

    /**
     * The packs of one indicator for the given period types whose periods start between the two
     * dates, for the agency blocks (one statement: keys are numbers, dates and enum names from our
     * own code, inlined).
     */
    List<Stored> read(long indicatorId, List<PeriodType> types, LocalDate startFrom, LocalDate startTo,
            Collection<Long> blocks) {
        if (blocks.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT agency_block, period_type, period_start, payload FROM observation_pack WHERE indicator_id = "
                + indicatorId + " AND period_type IN ("
                + types.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(","))
                + ") AND period_start BETWEEN '" + startFrom + "' AND '" + startTo + "' AND agency_block IN ("
                + blocks.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        return jdbc.query(sql, (rs, i) -> new Stored(rs.getLong(1),
                ObservationPack.period(PeriodType.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)),
                rs.getBytes(4)));
    }

}
