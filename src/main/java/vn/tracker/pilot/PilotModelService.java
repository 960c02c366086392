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
