package vn.tracker.pilot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.Cursor;
import vn.tracker.common.PageRequest;
import vn.tracker.directive.Directive;

/** Reads of the pilot-model registry. */
@Service
@Transactional(readOnly = true)
public class PilotModelService {

    private final PilotModelRepository models;

    PilotModelService(PilotModelRepository models) {
        this.models = models;
    }

    public Connection<PilotModel> list(PageRequest page) {
        List<PilotModel> rows = models.findByIdGreaterThanOrderByIdAsc(page.afterId(),
                org.springframework.data.domain.PageRequest.of(0, page.first() + 1));
        return Connection.of(rows, page, m -> Cursor.encodeId(m.getId()), models::count);
    }

    /** How many pilot models stand at each status (every status present, zero when none). */
    public Map<PilotModelStatus, Long> countsByStatus() {
        Map<PilotModelStatus, Long> counts = new java.util.EnumMap<>(PilotModelStatus.class);
        for (PilotModelStatus status : PilotModelStatus.values()) {
            counts.put(status, 0L);
        }
        models.countByStatus().forEach(row -> counts.put((PilotModelStatus) row[0], (Long) row[1]));
        return counts;
    }

    public Map<Long, PilotModel> byIds(Collection<Long> ids) {
        return Batches.indexById(models.findAllById(ids), PilotModel::getId);
    }

    public Map<Long, List<Directive>> otherDecisionsOf(Collection<Long> ids) {
        Map<Long, List<Directive>> result = new LinkedHashMap<>();
        for (Object[] row : models.findOtherDecisionsOf(ids)) {
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Directive) row[1]);
        }
        return result;
    }
}
