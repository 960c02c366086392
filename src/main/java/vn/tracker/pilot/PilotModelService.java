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

    public PilotModel byKey(String decision, int number) {
        return models.findByDecisionCodeAndNumber(decision, number).orElse(null);
    }

    /** Models matching the filter, in insertion order (keyset on id: stable under inserts). */
    public Connection<PilotModel> list(PilotModelFilter filter, PageRequest page) {
        org.springframework.data.jpa.domain.Specification<PilotModel> spec = matching(filter);
        long afterId = page.afterId();
        org.springframework.data.jpa.domain.Specification<PilotModel> pageSpec =
                spec.and((root, q, cb) -> cb.greaterThan(root.get("id"), afterId));
        List<PilotModel> rows = models.findBy(pageSpec,
                q -> q.sortBy(org.springframework.data.domain.Sort.by("id")).limit(page.first() + 1).all());
        return Connection.of(rows, page, m -> Cursor.encodeId(m.getId()), () -> models.count(spec));
    }

    private static org.springframework.data.jpa.domain.Specification<PilotModel> matching(PilotModelFilter filter) {
        return (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
            if (filter != null) {
                if (filter.program() != null && !filter.program().isEmpty()) {
                    where.add(root.join("program").get("code").in(filter.program()));
                }
                if (filter.decision() != null && !filter.decision().isEmpty()) {
                    var other = query.subquery(Long.class);
                    var m = other.from(PilotModel.class);
                    other.select(m.get("id")).where(m.join("otherDecisions").get("code").in(filter.decision()));
                    where.add(cb.or(root.get("decision").get("code").in(filter.decision()), root.get("id").in(other)));
                }
                if (filter.leadAgency() != null && !filter.leadAgency().isEmpty()) {
                    where.add(root.join("leadAgency").get("code").in(filter.leadAgency()));
                }
                if (filter.status() != null && !filter.status().isEmpty()) {
                    where.add(root.get("status").in(filter.status()));
                }
                if (filter.province() != null) {
                    where.add(cb.equal(root.get("provinceCode"), filter.province()));
                }
                if (filter.search() != null && !filter.search().isBlank()) {
                    where.add(cb.like(root.get("nameFolded"),
                            vn.tracker.common.TextFolding.likePattern(filter.search()), '!'));
                }
            }
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
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
