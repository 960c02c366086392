package vn.tracker.indicator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.common.Connection;
import vn.tracker.common.Cursor;
import vn.tracker.common.PageRequest;
import vn.tracker.common.TextFolding;

/** Reads of indicators and their targets. */
@Service
@Transactional(readOnly = true)
public class IndicatorService {

    private final IndicatorRepository indicators;
    private final TargetRepository targets;

    IndicatorService(IndicatorRepository indicators, TargetRepository targets) {
        this.indicators = indicators;
        this.targets = targets;
    }

    public Indicator byCode(String code) {
        return indicators.findByCode(code).orElse(null);
    }

    public Connection<Indicator> list(String search, PageRequest page) {
        Specification<Indicator> spec = (root, q, cb) -> search == null || search.isBlank() ? cb.conjunction()
                : cb.like(root.get("nameFolded"), TextFolding.likePattern(search), '!');
        Specification<Indicator> pageSpec = page.after() == null ? spec
                : spec.and((root, q, cb) -> cb.greaterThan(root.get("code"), Cursor.decode(page.after())));
        List<Indicator> rows = indicators.findBy(pageSpec,
                q -> q.sortBy(Sort.by("code")).limit(page.first() + 1).all());
        return Connection.of(rows, page, i -> Cursor.encode(i.getCode()), () -> indicators.count(spec));
    }

    /** Key indicators: those with a province-wide target, each with that target (one statement). */
    public List<Target> keyIndicatorTargets() {
        return targets.findGeneralTargetsWithIndicator();
    }

    public Map<Long, List<Target>> targetsOf(Collection<Long> indicatorIds) {
        Map<Long, List<Target>> result = new LinkedHashMap<>();
        targets.findByIndicatorIdIn(indicatorIds)
                .forEach(t -> result.computeIfAbsent(t.getIndicator().getId(), k -> new ArrayList<>()).add(t));
        return result;
    }
}
