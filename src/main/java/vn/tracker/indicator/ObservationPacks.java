package vn.tracker.indicator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps observation_pack in step with the observation table, inside the writer's transaction: the
 * packs a write touches are read with FOR UPDATE (two ingests of other weeks of the same agencies
 * queue instead of losing each other's slots), changed in memory and written back with multi-row
 * upserts and INSERTs. Every path that writes observations calls {@link #apply}:
 * {@link ObservationWriter} (ingest) and {@link ObservationPackListener} (JPA writers).
 *
 * <p>Two ingests creating new packs side by side may deadlock in InnoDB (inserts into a gap the
 * other holds); the loser's request fails as a whole and is answered "recorded concurrently,
 * retry", as a duplicate observation already was. A separate transaction creating packs ahead
 * was tried and dropped: it waited on gap locks of its own outer transaction.
 */
@Repository
public class ObservationPacks {

    /** Packs per lookup or INSERT statement. */
    private static final int CHUNK = 1000;
    /** A pack another transaction inserted between our read and our insert: read it again. */
    private static final int INSERT_ATTEMPTS = 3;

    /** The current state of one observation (slot null: the observation is gone). */
    record Change(long indicatorId, long agencyId, Period period, ObservationPack.Slot slot) {
    }

    /** A stored pack as the series read gets it. */
    record Stored(long agencyId, PeriodType type, int year, byte[] payload) {
    }

    private record Key(long indicatorId, PeriodType type, int year, long agencyId) {
    }

    private final JdbcTemplate jdbc;

    ObservationPacks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the changes into their packs; runs inside the caller's transaction. */
    public void apply(Collection<Change> changes) {
        write(byPack(changes));
    }

    private static Map<Key, List<Change>> byPack(Collection<Change> changes) {
        Map<Key, List<Change>> byPack = new LinkedHashMap<>();
        for (Change c : changes) {
            if (ObservationPack.packed(c.period().type())) {
                byPack.computeIfAbsent(new Key(c.indicatorId(), c.period().type(), ObservationPack.year(c.period()),
                        c.agencyId()), k -> new ArrayList<>(2)).add(c);
            }
        }
        return byPack;
    }

    private void write(Map<Key, List<Change>> byPack) {
        Map<Key, List<Change>> pending = byPack;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            pending = applyOnce(pending, attempt == INSERT_ATTEMPTS);
        }
    }

    /** One round: update the packs that exist, insert the others; gives back what lost an insert race. */
    private Map<Key, List<Change>> applyOnce(Map<Key, List<Change>> byPack, boolean lastAttempt) {
        Map<Key, byte[]> existing = lockExisting(byPack.keySet());
        List<Key> updateKeys = new ArrayList<>();
        List<byte[]> updatePayloads = new ArrayList<>();
        List<Key> insertKeys = new ArrayList<>();
        List<byte[]> insertPayloads = new ArrayList<>();
        for (Map.Entry<Key, List<Change>> e : byPack.entrySet()) {
            Key k = e.getKey();
            byte[] old = existing.get(k);
            ObservationPack.Slot[] slots = old == null ? ObservationPack.empty(k.type(), k.year())
                    : ObservationPack.decode(k.type(), k.year(), old);
            for (Change c : e.getValue()) {
                slots[ObservationPack.slot(c.period())] = c.slot();
            }
            byte[] payload = ObservationPack.encode(k.type(), k.year(), slots);
            if (old != null) {
                updateKeys.add(k);
                updatePayloads.add(payload);
            } else {
                insertKeys.add(k);
                insertPayloads.add(payload);
            }
        }
        for (int from = 0; from < updateKeys.size(); from += CHUNK) {
            int to = Math.min(updateKeys.size(), from + CHUNK);
            // Rows we hold locked, rewritten by one multi-row statement per chunk instead of one
            // UPDATE each (thousands per ingest call); H2 accepts the syntax in MySQL mode.
            insert(updateKeys.subList(from, to), updatePayloads.subList(from, to),
                    " ON DUPLICATE KEY UPDATE payload = VALUES(payload)");
        }
        Map<Key, List<Change>> lost = new LinkedHashMap<>();
        for (int from = 0; from < insertKeys.size(); from += CHUNK) {
            int to = Math.min(insertKeys.size(), from + CHUNK);
            try {
                insert(insertKeys.subList(from, to), insertPayloads.subList(from, to));
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

    /** Pack keys are numbers and enum names from our own code, inlined; payloads are bound. */
    private void insert(List<Key> keys, List<byte[]> payloads) {
        insert(keys, payloads, "");
    }

    private void insert(List<Key> keys, List<byte[]> payloads, String onDuplicate) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO observation_pack (indicator_id, period_type, pack_year, agency_id, payload) VALUES ");
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            sql.append(i == 0 ? "" : ",").append('(').append(k.indicatorId()).append(",'").append(k.type().name())
                    .append("',").append(k.year()).append(',').append(k.agencyId()).append(",?)");
        }
        jdbc.update(sql.append(onDuplicate).toString(), ps -> {
            for (int i = 0; i < payloads.size(); i++) {
                ps.setBytes(i + 1, payloads.get(i));
            }
        });
    }

    /** The existing packs among the keys, locked until the transaction ends. */
    private Map<Key, byte[]> lockExisting(Collection<Key> keys) {
        Map<String, List<Key>> byGroup = new LinkedHashMap<>();
        for (Key k : keys) {
            byGroup.computeIfAbsent(k.indicatorId() + "|" + k.type() + "|" + k.year(), g -> new ArrayList<>()).add(k);
        }
        Map<Key, byte[]> result = new HashMap<>();
        for (List<Key> group : byGroup.values()) {
            Key first = group.get(0);
            for (int from = 0; from < group.size(); from += CHUNK) {
                String agencies = group.subList(from, Math.min(group.size(), from + CHUNK)).stream()
                        .map(k -> String.valueOf(k.agencyId())).collect(Collectors.joining(","));
                jdbc.query("SELECT agency_id, payload FROM observation_pack WHERE indicator_id = ? AND period_type = ?"
                        + " AND pack_year = ? AND agency_id IN (" + agencies + ") FOR UPDATE",
                        rs -> {
                            result.put(new Key(first.indicatorId(), first.type(), first.year(), rs.getLong(1)),
                                    rs.getBytes(2));
                        }, first.indicatorId(), first.type().name(), first.year());
            }
        }
        return result;
    }

    /**
     * The packs of one indicator for the given period types and pack years, for the agencies (one
     * statement: keys are numbers and enum names from our own code, inlined).
     */
    List<Stored> read(long indicatorId, List<PeriodType> types, int firstYear, int lastYear,
            Collection<Long> agencyIds) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT agency_id, period_type, pack_year, payload FROM observation_pack WHERE indicator_id = "
                + indicatorId + " AND period_type IN ("
                + types.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(","))
                + ") AND pack_year BETWEEN " + firstYear + " AND " + lastYear + " AND agency_id IN ("
                + agencyIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        return jdbc.query(sql, (rs, i) -> new Stored(rs.getLong(1), PeriodType.valueOf(rs.getString(2)), rs.getInt(3),
                rs.getBytes(4)));
    }

}
