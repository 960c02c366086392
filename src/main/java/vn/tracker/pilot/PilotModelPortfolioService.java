package vn.tracker.pilot;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.directive.Directive;
import vn.tracker.pilot.PilotModelPortfolio.Conflict;
import vn.tracker.pilot.PilotModelPortfolio.Line;
import vn.tracker.pilot.PilotModelPortfolio.ModelSet;

/**
 * Builds the pilot-model portfolio: declared totals (pilot_model_declared) beside models entered,
 * counted by SQL GROUP BY per decision, program and status. Conflicts flagged:
 * <ul>
 * <li>two decisions of the same issuing body and document type (same code suffix, e.g. QĐ/TU) in
 *     one province declaring different totals for the same program: 342-QĐ/TU says 95 models,
 *     343-QĐ/TU says 94 — probably one catalogue cited two ways;</li>
 * <li>a set whose program totals do not add up to its declared grand total;</li>
 * <li>a line declaring more completed plus in-progress models than its total.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class PilotModelPortfolioService {

    static final String ALL = "ALL";
    private static final Pattern CODE_SUFFIX = Pattern.compile("^(?:[A-Z]+:)?[^-/]+[-/](.+)$");

    private final DeclaredPilotModelCountRepository declared;
    private final PilotModelRepository models;

    PilotModelPortfolioService(DeclaredPilotModelCountRepository declared, PilotModelRepository models) {
        this.declared = declared;
        this.models = models;
    }

    /** The portfolio, or only the sets named by (or approved by) the given decision code. */
    public PilotModelPortfolio portfolio(String decision, String province) {
        Map<Long, Map<String, Map<PilotModelStatus, Long>>> entered = enteredByDecision();
        Map<String, List<DeclaredPilotModelCount>> bySet = new LinkedHashMap<>();
        for (DeclaredPilotModelCount c : declared.findAllWithDecision()) {
            bySet.computeIfAbsent(c.getProvinceCode() + "|" + c.getModelSet(), k -> new ArrayList<>()).add(c);
        }
        List<ModelSet> sets = new ArrayList<>();
        List<Long> declaredDecisions = new ArrayList<>();
        for (List<DeclaredPilotModelCount> rows : bySet.values()) {
            DeclaredPilotModelCount first = rows.get(0);
            Directive d = first.getDecision();
            if (d != null) {
                declaredDecisions.add(d.getId());
            }
            Map<String, Map<PilotModelStatus, Long>> counts = d == null ? null : entered.getOrDefault(d.getId(), Map.of());
            List<Line> lines = rows.stream().map(c -> line(c.getProgramCode(), c.getTotal(), c.getCompleted(),
                    c.getInProgress(), counts, c.getSource())).toList();
            sets.add(new ModelSet(first.getModelSet(), first.getProvinceCode(), d, lines));
        }
        // Decisions with models entered but no declared totals: shown with their entered counts.
        if (!entered.isEmpty()) {
            Map<Long, Directive> undeclared = new LinkedHashMap<>();
            for (PilotModel m : models.findAll()) {
                Directive d = m.getDecision();
                if (!declaredDecisions.contains(d.getId())) {
                    undeclared.putIfAbsent(d.getId(), d);
                }
            }
            for (Directive d : undeclared.values()) {
                Map<String, Map<PilotModelStatus, Long>> counts = entered.getOrDefault(d.getId(), Map.of());
                List<Line> lines = new ArrayList<>();
                lines.add(line(ALL, null, null, null, counts, null));
                counts.keySet().stream().filter(p -> !p.equals(ALL)).sorted()
                        .forEach(p -> lines.add(line(p, null, null, null, counts, null)));
                String provinceOf = models.findAll().stream().filter(m -> m.getDecision().getId().equals(d.getId()))
                        .map(PilotModel::getProvinceCode).filter(Objects::nonNull).findFirst().orElse(null);
                sets.add(new ModelSet(d.getCode(), provinceOf, d, lines));
            }
        }
        List<Conflict> conflicts = conflicts(sets);
        List<ModelSet> wanted = sets.stream().filter(s -> matches(s, decision, province)).toList();
        List<String> wantedNames = wanted.stream().map(ModelSet::name).toList();
        List<Conflict> wantedConflicts = conflicts.stream()
                .filter(c -> c.sets().stream().anyMatch(wantedNames::contains)).toList();
        return new PilotModelPortfolio(wanted, wantedConflicts);
    }

    private static boolean matches(ModelSet set, String decision, String province) {
        boolean byDecision = decision == null || decision.equals(set.name())
                || (set.decision() != null && decision.equals(set.decision().getCode()));
        return byDecision && (province == null || province.equals(set.provinceCode()));
    }

    private static Line line(String program, Integer total, Integer completed, Integer inProgress,
            Map<String, Map<PilotModelStatus, Long>> counts, String source) {
        if (counts == null) {
            return new Line(program, total, completed, inProgress, null, null, null, null, null, source);
        }
        Map<PilotModelStatus, Long> byStatus = new EnumMap<>(PilotModelStatus.class);
        counts.forEach((p, statusCounts) -> {
            if (program.equals(ALL) || program.equals(p)) {
                statusCounts.forEach((s, n) -> byStatus.merge(s, n, Long::sum));
            }
        });
        long all = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Line(program, total, completed, inProgress, all,
                byStatus.getOrDefault(PilotModelStatus.COMPLETED, 0L),
                byStatus.getOrDefault(PilotModelStatus.IN_PROGRESS, 0L),
                byStatus.getOrDefault(PilotModelStatus.NOT_STARTED, 0L),
                byStatus.getOrDefault(PilotModelStatus.CANCELLED, 0L), source);
    }

    /** decision id → program code (ALL for models without one) → status → count. */
    private Map<Long, Map<String, Map<PilotModelStatus, Long>>> enteredByDecision() {
        Map<Long, Map<String, Map<PilotModelStatus, Long>>> result = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(models.countByDecisionProgramStatus());
        rows.addAll(models.countByOtherDecisionProgramStatus());
        for (Object[] row : rows) {
            String program = row[1] == null ? ALL : (String) row[1];
            result.computeIfAbsent((Long) row[0], k -> new HashMap<>())
                    .computeIfAbsent(program, k -> new EnumMap<>(PilotModelStatus.class))
                    .merge((PilotModelStatus) row[2], (Long) row[3], Long::sum);
        }
        return result;
    }

    private static List<Conflict> conflicts(List<ModelSet> sets) {
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            ModelSet a = sets.get(i);
            for (int j = i + 1; j < sets.size(); j++) {
                ModelSet b = sets.get(j);
                if (!sameIssuingBody(a, b)) {
                    continue;
                }
                for (Line la : a.lines()) {
                    for (Line lb : b.lines()) {
                        if (la.programCode().equals(lb.programCode()) && la.declared() != null
                                && lb.declared() != null && !la.declared().equals(lb.declared())) {
                            conflicts.add(new Conflict(a.provinceCode(), la.programCode(), List.of(a.name(), b.name()),
                                    List.of(la.declared(), lb.declared()),
                                    a.name() + " khai " + la.declared() + " mô hình, " + b.name() + " khai "
                                            + lb.declared() + " (" + la.programCode() + "): có thể là cùng một danh mục "
                                            + "được trích dẫn khác nhau / " + a.name() + " declares " + la.declared()
                                            + ", " + b.name() + " declares " + lb.declared()
                                            + ": probably one catalogue cited two ways"));
                        }
                    }
                }
            }
            internalConflicts(a, conflicts);
        }
        return conflicts;
    }

    private static void internalConflicts(ModelSet set, List<Conflict> conflicts) {
        Integer grand = null;
        int sum = 0;
        boolean allKnown = true;
        int programs = 0;
        for (Line l : set.lines()) {
            if (l.programCode().equals(ALL)) {
                grand = l.declared();
            } else if (l.declared() != null) {
                sum += l.declared();
                programs++;
            } else {
                allKnown = false;
            }
            if (l.declared() != null && l.declaredCompleted() != null && l.declaredInProgress() != null
                    && l.declaredCompleted() + l.declaredInProgress() > l.declared()) {
                conflicts.add(new Conflict(set.provinceCode(), l.programCode(), List.of(set.name()),
                        List.of(l.declared(), l.declaredCompleted(), l.declaredInProgress()),
                        set.name() + ": hoàn thành + đang triển khai vượt tổng số / completed plus in progress exceed the total"));
            }
        }
        if (grand != null && allKnown && programs > 0 && sum != grand) {
            conflicts.add(new Conflict(set.provinceCode(), ALL, List.of(set.name()), List.of(grand, sum),
                    set.name() + ": tổng " + grand + " khác tổng các chương trình " + sum
                            + " / the grand total " + grand + " differs from the programs' sum " + sum));
        }
    }

    /** Both sets name decisions of the same kind whose codes end alike (QĐ/TU): the same issuing body. */
    private static boolean sameIssuingBody(ModelSet a, ModelSet b) {
        if (a.decision() == null || b.decision() == null || !Objects.equals(a.provinceCode(), b.provinceCode())
                || a.decision().getId().equals(b.decision().getId()) || a.decision().getKind() != b.decision().getKind()) {
            return false;
        }
        String sa = suffix(a.decision().getCode());
        return sa != null && sa.equals(suffix(b.decision().getCode()));
    }

    private static String suffix(String code) {
        Matcher m = CODE_SUFFIX.matcher(code);
        return m.matches() ? m.group(1) : null;
    }
}
