package vn.tracker.indicator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V92: fills observation_pack (V91) from the observations already stored, one indicator at
 * a time (a national indicator is ~350k rows, packed in memory). Java rather than SQL because the
 * payload is the binary layout of {@link ObservationPack}, which H2 and MariaDB could not build
 * alike in SQL. A Spring bean: Spring Boot hands JavaMigration beans to Flyway.
 */
@Component
class ObservationPackBackfill implements JavaMigration {

    private static final int INSERT_CHUNK = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("92");
    }

    @Override
    public String getDescription() {
        return "observation pack backfill";
    }

    @Override
    public Integer getChecksum() {
        return ObservationPack.VERSION; // the layout it writes
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<Long> indicators = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM indicator ORDER BY id")) {
            while (rs.next()) {
                indicators.add(rs.getLong(1));
            }
        }
        for (long indicator : indicators) {
            packIndicator(c, indicator);
        }
    }

    private record Key(PeriodType type, LocalDate start, long block) {
    }

    static void packIndicator(Connection c, long indicator) throws Exception {
        Set<Long> revised = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT r.observation_id FROM observation_revision r"
                + " JOIN observation o ON o.id = r.observation_id WHERE o.indicator_id = ?")) {
            ps.setLong(1, indicator);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    revised.add(rs.getLong(1));
                }
            }
        }
        Map<Key, ObservationPack.Slot[]> packs = new TreeMap<>(Comparator.comparing((Key k) -> k.type().name())
                .thenComparing(Key::start).thenComparingLong(Key::block));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, agency_id, period_type, period_start, obs_value,"
                + " numerator, denominator, as_of FROM observation WHERE indicator_id = ?")) {
            ps.setFetchSize(5000);
            ps.setLong(1, indicator);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PeriodType type = PeriodType.valueOf(rs.getString(3));
                    if (!ObservationPack.packed(type)) {
                        continue;
                    }
                    long agency = rs.getLong(2);
                    Key k = new Key(type, rs.getObject(4, LocalDate.class), ObservationPack.block(agency));
                    packs.computeIfAbsent(k, x -> ObservationPack.empty())[ObservationPack.slot(agency)] =
                            new ObservationPack.Slot(rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                                    rs.getObject(8, LocalDate.class), revised.contains(rs.getLong(1)));
                }
            }
        }
        List<Map.Entry<Key, ObservationPack.Slot[]>> all = new ArrayList<>(packs.entrySet());
        for (int from = 0; from < all.size(); from += INSERT_CHUNK) {
            List<Map.Entry<Key, ObservationPack.Slot[]>> chunk = all.subList(from, Math.min(all.size(), from + INSERT_CHUNK));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO observation_pack (indicator_id, period_type, period_start, agency_block, payload) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                Key k = chunk.get(i).getKey();
                sql.append(i == 0 ? "" : ",").append('(').append(indicator).append(",'").append(k.type().name())
                        .append("','").append(k.start()).append("',").append(k.block()).append(",?)");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < chunk.size(); i++) {
                    Key k = chunk.get(i).getKey();
                    ps.setBytes(i + 1, ObservationPack.encode(ObservationPack.period(k.type(), k.start()),
                            chunk.get(i).getValue()));
                }
                ps.executeUpdate();
            }
        }
    }
}
