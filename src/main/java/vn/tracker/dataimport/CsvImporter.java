package vn.tracker.dataimport;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyKind;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.audit.BulkWriteAudit;
import vn.tracker.common.BaseEntity;
import vn.tracker.common.TextFolding;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveIssuedOnChanged;
import vn.tracker.directive.DirectiveKind;
import vn.tracker.directive.DirectiveRepository;
import vn.tracker.directive.Program;
import vn.tracker.directive.ProgramRepository;
import vn.tracker.indicator.Aggregation;
import vn.tracker.indicator.Direction;
import vn.tracker.indicator.Indicator;
import vn.tracker.indicator.IndicatorRepository;
import vn.tracker.indicator.Observation;
import vn.tracker.indicator.ObservationRepository;
import vn.tracker.indicator.ObservationRevision;
import vn.tracker.indicator.ObservationRevisionRepository;
import vn.tracker.indicator.Period;
import vn.tracker.indicator.PeriodType;
import vn.tracker.indicator.Target;
import vn.tracker.indicator.TargetRepository;
import vn.tracker.indicator.Unit;
import vn.tracker.pilot.DeclaredPilotModelCount;
import vn.tracker.pilot.DeclaredPilotModelCountRepository;
import vn.tracker.pilot.PilotModel;
import vn.tracker.pilot.PilotModelRepository;
import vn.tracker.pilot.PilotModelStatus;
import vn.tracker.task.Deadline;
import vn.tracker.task.Task;
import vn.tracker.task.TaskRepository;
import vn.tracker.task.TaskStatus;

/**
 * Imports the CSV layout of the sample dataset (agencies, directives, indicators, observations,
 * pilot models, declared pilot-model counts, tasks). Idempotent: rows are matched by their codes
 * and only differences are written. All-or-nothing: any bad row fails the whole import, which is
 * one transaction, and every bad row is reported with its file and line.
 */
@Service
public class CsvImporter {

    private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);
    static final String IMPORTER = "importer";

    private static final Map<String, String> PROGRAM_NAMES = Map.of(
            "NQ57", "Nghị quyết 57-NQ/TW (KHCN, ĐMST, CĐS)",
            "NQ71", "Nghị quyết 71/NQ-CP",
            "DA06", "Đề án 06 (dữ liệu dân cư, định danh điện tử)",
            "CCHC", "Cải cách hành chính",
            "CDS", "Chuyển đổi số",
            "CDS_DANG", "Chuyển đổi số trong cơ quan Đảng",
            "NQ131", "Nghị quyết 131/NQ-CP",
            "NQ214", "Nghị quyết 214/NQ-CP",
            "NQ66", "Nghị quyết 66/NQ-CP",
            "NQ175", "Nghị quyết 175/NQ-CP");

    private final AgencyRepository agencies;
    private final ProgramRepository programs;
    private final DirectiveRepository directives;
    private final IndicatorRepository indicators;
    private final TargetRepository targets;
    private final ObservationRepository observations;
    private final ObservationRevisionRepository revisions;
    private final PilotModelRepository pilotModels;
    private final DeclaredPilotModelCountRepository declaredCounts;
    private final TaskRepository tasks;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final BulkWriteAudit audit;

    CsvImporter(AgencyRepository agencies, ProgramRepository programs, DirectiveRepository directives,
            IndicatorRepository indicators, TargetRepository targets, ObservationRepository observations,
            ObservationRevisionRepository revisions, PilotModelRepository pilotModels,
            DeclaredPilotModelCountRepository declaredCounts, TaskRepository tasks,
            ApplicationEventPublisher events, EntityManager entityManager, JdbcTemplate jdbc, BulkWriteAudit audit) {
        this.agencies = agencies;
        this.programs = programs;
        this.directives = directives;
        this.indicators = indicators;
        this.targets = targets;
        this.observations = observations;
        this.revisions = revisions;
        this.pilotModels = pilotModels;
        this.declaredCounts = declaredCounts;
        this.tasks = tasks;
        this.events = events;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Imports every known file the source has; throws {@link ImportFailedException} on any bad row. */
    @Transactional
    public ImportReport importAll(CsvSource source) {
        RowProblems problems = new RowProblems();
        ImportReport report = new ImportReport();
        Lookups lookups = new Lookups();
        source.read("agencies.csv").ifPresent(rows -> importAgencies(rows, problems, report, lookups));
        source.read("directives.csv").ifPresent(rows -> importDirectives(rows, problems, report, lookups));
        source.read("indicators.csv").ifPresent(rows -> importIndicators(rows, source, problems, report));
        source.read("observations.csv").ifPresent(rows -> importObservations(rows, problems, report, lookups));
        source.read("pilot_models.csv").ifPresent(rows -> importPilotModels(rows, problems, report, lookups));
        source.read("pilot_model_counts.csv").ifPresent(rows -> importDeclaredCounts(rows, problems, report, lookups));
        source.read("tasks.csv").ifPresent(rows -> importTasks(rows, problems, report, lookups));
        if (!problems.isEmpty()) {
            events.publishEvent(new ImportFinished(source.describe(), report, false));
            throw new ImportFailedException(problems.all());
        }
        log.info("Imported {}: {}", source.describe(), report);
        events.publishEvent(new ImportFinished(source.describe(), report, true));
        return report;
    }

    /** Code lookups that see rows created earlier in the same import. */
    private final class Lookups {
        private final Map<String, Agency> agencyByCode = new HashMap<>();
        private final Map<String, Agency> agencyByName = new HashMap<>();
        private final Map<String, Directive> directiveByCode = new HashMap<>();
        private final Map<String, Program> programByCode = new HashMap<>();

        Agency agency(String code) {
            Agency known = agencyByCode.get(code);
            if (known != null || absentAgencies.contains(code)) {
                return known;
            }
            return agencyByCode.computeIfAbsent(code, c -> agencies.findByCode(c).orElse(null));
        }

        Agency agencyNamed(String name) {
            if (agencyByName.isEmpty()) {
                agencies.findAll().forEach(a -> agencyByName.put(a.getName(), a));
            }
            return agencyByName.get(name);
        }

        Directive directive(String code) {
            Directive known = directiveByCode.get(code);
            if (known != null || absentDirectives.contains(code)) {
                return known;
            }
            return directiveByCode.computeIfAbsent(code, c -> directives.findByCode(c).orElse(null));
        }

        private final Set<String> absentAgencies = new HashSet<>();
        private final Set<String> absentDirectives = new HashSet<>();

        /**
         * Loads the agencies and directives a file's rows name (columns; several codes in one
         * cell separated by ';') with a few IN queries, so the rows' look-ups hit the map instead of
         * running one query each, which would also flush the whole import every time. A code the
         * database has under another spelling its collation equates (case, accents) is not in the
         * map: its row looks it up as before. A code it has not at all is remembered as absent
         * until the import creates it (an agency or directive row of this import).
         */
        void prefetch(List<CsvRow> rows, List<String> agencyColumns, List<String> directiveColumns) {
            prefetch(codes(rows, agencyColumns), agencies::findByCodeIn, Agency::getCode, agencyByCode, absentAgencies);
            prefetch(codes(rows, directiveColumns), directives::findByCodeIn, Directive::getCode, directiveByCode,
                    absentDirectives);
        }

        private static <T> void prefetch(Set<String> codes, Function<List<String>, List<T>> findByCodeIn,
                Function<T, String> codeOf, Map<String, T> byCode, Set<String> absent) {
            codes.removeAll(byCode.keySet());
            Set<String> found = new HashSet<>();
            for (List<String> part : NewTaskInserts.parts(new ArrayList<>(codes))) {
                findByCodeIn.apply(part).forEach(entity -> {
                    byCode.putIfAbsent(codeOf.apply(entity), entity);
                    found.add(TextFolding.fold(codeOf.apply(entity)));
                });
            }
            codes.stream().filter(c -> !found.contains(TextFolding.fold(c))).forEach(absent::add);
        }

        private static Set<String> codes(List<CsvRow> rows, List<String> columns) {
            Set<String> codes = new LinkedHashSet<>();
            for (CsvRow row : rows) {
                for (String column : columns) {
                    String cell = row.get(column);
                    if (cell != null) {
                        for (String code : cell.split(";")) {
                            if (!code.isBlank()) {
                                codes.add(code.strip());
                            }
                        }
                    }
                }
            }
            return codes;
        }

        Program program(String code) {
            return programByCode.computeIfAbsent(code, c -> programs.findByCode(c)
                    .orElseGet(() -> programs.save(new Program(c, PROGRAM_NAMES.getOrDefault(c, c)))));
        }
    }

    private void importAgencies(List<CsvRow> rows, RowProblems problems, ImportReport report, Lookups lookups) {
        lookups.prefetch(rows, List.of("code", "parent_code"), List.of());
        List<CsvRow> valid = new ArrayList<>();
        for (CsvRow row : rows) {
            report.read(row.file());
            String code = problems.required(row, "code");
            String name = problems.required(row, "name");
            AgencyKind kind = problems.enumValue(row, "kind", AgencyKind.class);
            if (row.get("kind") == null) {
                problems.required(row, "kind");
            }
            if (code == null || name == null || kind == null) {
                continue;
            }
            Agency agency = lookups.agency(code);
            boolean changed = agency == null || !name.equals(agency.getName()) || kind != agency.getKind()
                    || !Objects.equals(row.get("province"), agency.getProvinceCode());
            if (agency == null) {
                agency = new Agency(code, name, kind);
                report.created(row.file());
            } else if (changed) {
                report.updated(row.file());
            }
            agency.setName(name);
            agency.setKind(kind);
            agency.setProvinceCode(row.get("province"));
            lookups.agencyByCode.put(code, agencies.save(agency));
            valid.add(row);
        }
        for (CsvRow row : valid) {
            String parentCode = row.get("parent_code");
            Agency agency = lookups.agency(row.get("code"));
            Agency parent = problems.reference(row, "parent_code", parentCode, lookups::agency);
            if (!Objects.equals(agency.getParent(), parent) && (parentCode == null || parent != null)) {
                agency.setParent(parent);
            }
        }
    }

    private void importDirectives(List<CsvRow> rows, RowProblems problems, ImportReport report, Lookups lookups) {
        lookups.prefetch(rows, List.of(), List.of("code", "parent_code"));
        List<CsvRow> valid = new ArrayList<>();
        for (CsvRow row : rows) {
            report.read(row.file());
            String code = problems.required(row, "code");
            String title = problems.required(row, "title");
            DirectiveKind kind = problems.enumValue(row, "kind", DirectiveKind.class);
            var issuedOn = problems.date(row, "issued_on");
            String issuerName = row.get("issuer");
            Agency issuer = issuerName == null ? null
                    : problems.reference(row, "issuer", issuerName, lookups::agencyNamed);
            if (code == null || title == null || kind == null) {
                continue;
            }
            Directive directive = lookups.directive(code);
            if (directive == null) {
                directive = new Directive(code, kind, title);
                report.created(row.file());
            } else if (!title.equals(directive.getTitle()) || kind != directive.getKind()
                    || !Objects.equals(issuedOn, directive.getIssuedOn()) || directive.getIssuer() != issuer) {
                report.updated(row.file());
            }
            directive.setKind(kind);
            directive.setTitle(title);
            if (directive.getId() != null && !Objects.equals(issuedOn, directive.getIssuedOn())) {
                // Its tasks without a start date count from the issued date (task.start_day).
                events.publishEvent(new DirectiveIssuedOnChanged(directive.getId(), issuedOn));
            }
            directive.setIssuedOn(issuedOn);
            directive.setIssuer(issuer);
            String programCode = row.get("program");
            if (programCode != null) {
                Program program = lookups.program(programCode);
                if (!directive.getPrograms().contains(program)) {
                    directive.getPrograms().add(program);
                }
            }
            lookups.directiveByCode.put(code, directives.save(directive));
            valid.add(row);
        }
        for (CsvRow row : valid) {
            String parentCode = row.get("parent_code");
            Directive parent = problems.reference(row, "parent_code", parentCode, lookups::directive);
            Directive directive = lookups.directive(row.get("code"));
            if (parent == directive && parent != null) {
                problems.add(row, "Văn bản không thể triển khai chính nó / a directive cannot implement itself");
            } else if (parentCode == null || parent != null) {
                directive.setParent(parent);
            }
        }
    }

    private void importIndicators(List<CsvRow> rows, CsvSource source, RowProblems problems, ImportReport report) {
        Map<String, PeriodType> finestPeriod = finestPeriodPerIndicator(source);
        for (CsvRow row : rows) {
            report.read(row.file());
            String code = problems.required(row, "code");
            String name = problems.required(row, "name");
            Unit unit = problems.enumValue(row, "unit", Unit.class);
            Direction direction = problems.enumValue(row, "direction", Direction.class);
            BigDecimal targetValue = problems.decimal(row, "target_value");
            Aggregation aggregation = row.get("aggregation") != null
                    ? problems.enumValue(row, "aggregation", Aggregation.class) : null;
            if (code == null || name == null || unit == null || direction == null) {
                continue;
            }
            Indicator indicator = indicators.findByCode(code).orElse(null);
            if (indicator == null) {
                indicator = new Indicator(code, name, unit, direction,
                        aggregation != null ? aggregation : defaultAggregation(unit),
                        finestPeriod.getOrDefault(code, PeriodType.YEAR));
                applyDefaultRange(indicator);
                indicator = indicators.save(indicator);
                report.created(row.file());
            } else if (!name.equals(indicator.getName()) || unit != indicator.getUnit()
                    || direction != indicator.getDirection()) {
                indicator.setName(name);
                indicator.setUnit(unit);
                indicator.setDirection(direction);
                report.updated(row.file());
            }
            if (targetValue != null) {
                upsertGeneralTarget(indicator, targetValue, row.get("target_source"));
            }
        }
    }

    private void upsertGeneralTarget(Indicator indicator, BigDecimal value, String sourceText) {
        Optional<Target> existing = indicator.getId() == null ? Optional.empty()
                : targets.findByIndicatorId(indicator.getId()).stream()
                        .filter(t -> t.getAgency() == null && t.getPeriod() == null).findFirst();
        Target target = existing.orElseGet(() -> new Target(indicator, null, null, value));
        if (target.getValue().compareTo(value) != 0) {
            target.setValue(value);
        }
        if (!Objects.equals(target.getSourceText(), sourceText)) {
            target.setSourceText(sourceText);
        }
        targets.save(target);
    }

    /** Percentages and indexes average; counts and money add up; a rank keeps its latest value. */
    static Aggregation defaultAggregation(Unit unit) {
        return switch (unit) {
            case PERCENT, POINTS -> Aggregation.AVERAGE;
            case COUNT, VND_MILLION -> Aggregation.SUM;
            case RANK -> Aggregation.LAST;
        };
    }

    private static void applyDefaultRange(Indicator indicator) {
        switch (indicator.getUnit()) {
            case PERCENT -> {
                indicator.setMinValue(BigDecimal.ZERO);
                indicator.setMaxValue(BigDecimal.valueOf(100));
            }
            case RANK -> indicator.setMinValue(BigDecimal.ONE);
            case COUNT, VND_MILLION, POINTS -> indicator.setMinValue(BigDecimal.ZERO);
        }
        indicator.setDecimals(indicator.getUnit() == Unit.COUNT || indicator.getUnit() == Unit.RANK ? 0 : 2);
    }

    /** The finest period each indicator is observed at, which becomes its native period type. */
    private static Map<String, PeriodType> finestPeriodPerIndicator(CsvSource source) {
        Map<String, PeriodType> finest = new HashMap<>();
        source.read("observations.csv").ifPresent(rows -> rows.forEach(row -> {
            String code = row.get("indicator_code");
            Period.parse(row.get("period")).ifPresent(p -> finest.merge(code, p.type(),
                    (a, b) -> a.isFinerThan(b) ? a : b));
        }));
        return finest;
    }

    private void importObservations(List<CsvRow> rows, RowProblems problems, ImportReport report, Lookups lookups) {
        lookups.prefetch(rows, List.of("scope"), List.of());
        // Several rows of one (indicator, scope, period) with different as_of are successive
        // revisions of one value: apply them oldest first so the latest ends up current.
        Map<String, List<CsvRow>> byKey = new LinkedHashMap<>();
        Map<String, Indicator> indicatorCache = new HashMap<>();
        for (CsvRow row : rows) {
            report.read(row.file());
            String key = row.get("indicator_code") + "|" + row.get("scope") + "|" + row.get("period");
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        for (List<CsvRow> group : byKey.values()) {
            group.sort(Comparator.comparing(r -> Objects.toString(r.get("as_of"), "")));
            for (CsvRow row : group) {
                importObservation(row, problems, report, lookups, indicatorCache);
            }
        }
    }

    private void importObservation(CsvRow row, RowProblems problems, ImportReport report, Lookups lookups,
            Map<String, Indicator> indicatorCache) {
        String indicatorCode = problems.required(row, "indicator_code");
        String scope = problems.required(row, "scope");
        String periodText = problems.required(row, "period");
        Indicator indicator = problems.reference(row, "indicator_code", indicatorCode,
                c -> indicatorCache.computeIfAbsent(c, k -> indicators.findByCode(k).orElse(null)));
        Agency agency = problems.reference(row, "scope", scope, lookups::agency);
        BigDecimal value = problems.decimal(row, "value");
        BigDecimal numerator = problems.decimal(row, "numerator");
        BigDecimal denominator = problems.decimal(row, "denominator");
        var asOf = problems.date(row, "as_of");
        if (row.get("as_of") == null) {
            problems.required(row, "as_of");
        }
        Period period = null;
        if (periodText != null) {
            period = Period.parse(periodText).orElse(null);
            if (period == null) {
                problems.add(row, "Kỳ không hợp lệ: '" + periodText
                        + "' / malformed period, expected 2025, 2025-Q2, 2025-11, 2025-W47 or 2025-11-22");
            }
        }
        if (value == null && row.get("value") == null) {
            problems.required(row, "value");
        }
        if (indicator == null || agency == null || period == null || asOf == null || value == null) {
            return;
        }
        if (indicator.getMinValue() != null && value.compareTo(indicator.getMinValue()) < 0
                || indicator.getMaxValue() != null && value.compareTo(indicator.getMaxValue()) > 0) {
            problems.add(row, "Giá trị " + value + " nằm ngoài khoảng cho phép / value outside the indicator's range");
            return;
        }
        if (numerator != null && denominator != null && numerator.compareTo(denominator) > 0) {
            problems.add(row, "Tử số lớn hơn mẫu số / numerator above denominator");
            return;
        }
        Observation current = indicator.getId() == null ? null
                : observations.findByIndicatorIdAndAgencyIdAndPeriod(indicator.getId(), agency.getId(), period.code())
                        .orElse(null);
        String source = row.get("source_doc");
        String note = row.get("note");
        if (current == null) {
            current = new Observation(indicator, agency, period);
            current.record(value, numerator, denominator, asOf, source, note, IMPORTER);
            observations.save(current);
            report.created(row.file());
        } else if (asOf.isAfter(current.getAsOf())) {
            revisions.save(ObservationRevision.of(current));
            current.record(value, numerator, denominator, asOf, source, note, IMPORTER);
            report.updated(row.file());
        } else if (asOf.equals(current.getAsOf()) && !sameValue(current, value, numerator, denominator)) {
            revisions.save(ObservationRevision.of(current));
            current.record(value, numerator, denominator, asOf, source, note, IMPORTER);
            report.updated(row.file());
        }
        // An as_of older than the current value is history the database already holds.
    }

    private static boolean sameValue(Observation o, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        return equalNumbers(o.getValue(), value) && equalNumbers(o.getNumerator(), numerator)
                && equalNumbers(o.getDenominator(), denominator);
    }

    private static boolean equalNumbers(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void importPilotModels(List<CsvRow> rows, RowProblems problems, ImportReport report, Lookups lookups) {
        lookups.prefetch(rows, List.of("lead_agency_code"), List.of("approving_directive_code"));
        for (CsvRow row : rows) {
            report.read(row.file());
            Integer number = problems.integer(row, "number");
            String name = problems.required(row, "name");
            PilotModelStatus status = problems.enumValue(row, "status", PilotModelStatus.class);
            Agency lead = problems.reference(row, "lead_agency_code", row.get("lead_agency_code"), lookups::agency);
            String decisionCodes = problems.required(row, "approving_directive_code");
            List<Directive> decisions = new ArrayList<>();
            if (decisionCodes != null) {
                for (String code : decisionCodes.split(";")) {
                    Directive d = problems.reference(row, "approving_directive_code", code.strip(), lookups::directive);
                    if (d != null) {
                        decisions.add(d);
                    }
                }
            }
            if (number == null || name == null || status == null || decisions.isEmpty()) {
                if (row.get("number") == null) {
                    problems.required(row, "number");
                }
                continue;
            }
            Directive decision = decisions.get(0);
            PilotModel model = pilotModels.findByDecisionCodeAndNumber(decision.getCode(), number).orElse(null);
            if (model == null) {
                model = new PilotModel(decision, number, name, status);
                report.created(row.file());
            } else if (!name.equals(model.getName()) || status != model.getStatus()) {
                report.updated(row.file());
            }
            model.setName(name);
            model.setStatus(status);
            model.setLeadAgency(lead);
            model.setProvinceCode(row.get("province"));
            String programCode = row.get("program");
            model.setProgram(programCode == null ? null : lookups.program(programCode));
            for (Directive other : decisions.subList(1, decisions.size())) {
                if (!model.getOtherDecisions().contains(other)) {
                    model.getOtherDecisions().add(other);
                }
            }
            pilotModels.save(model);
        }
    }

    private void importDeclaredCounts(List<CsvRow> rows, RowProblems problems, ImportReport report, Lookups lookups) {
        for (CsvRow row : rows) {
            report.read(row.file());
            String scope = problems.required(row, "scope");
            String program = problems.required(row, "program");
            Integer total = problems.integer(row, "total");
            Integer completed = problems.integer(row, "completed");
            Integer inProgress = problems.integer(row, "in_progress");
            if (scope == null || program == null) {
                continue;
            }
            int bar = scope.indexOf('|');
            if (bar <= 0 || bar == scope.length() - 1) {
                problems.add(row, "Phạm vi phải có dạng <tỉnh>|<bộ mô hình> / scope must be <province>|<set>");
                continue;
            }
            String province = scope.substring(0, bar);
            String set = scope.substring(bar + 1);
            DeclaredPilotModelCount count = declaredCounts
                    .findByProvinceCodeAndModelSetAndProgramCode(province, set, program).orElse(null);
            if (count == null) {
                count = new DeclaredPilotModelCount(province, set, program);
                report.created(row.file());
            } else if (!Objects.equals(total, count.getTotal()) || !Objects.equals(completed, count.getCompleted())
                    || !Objects.equals(inProgress, count.getInProgress())) {
                report.updated(row.file());
            }
            Directive decision = lookups.directive(set);
            if (decision == null) {
                decision = lookups.directive(province + ":" + set);
            }
            count.setDecision(decision);
            count.setTotal(total);
            count.setCompleted(completed);
            count.setInProgress(inProgress);
            count.setSource(row.get("source"));
            declaredCounts.save(count);
        }
    }

    /** A tasks.csv row that passed validation, with its references resolved. */
    private record TaskRow(CsvRow row, String code, String province, String title, Agency lead, Directive directive,
            TaskStatus status, Deadline deadline, List<Agency> coordinators, String result) {

        String key() {
            return taskKey(province, code);
        }
    }

    /**
     * Validates every row (per-row problems as before), then writes in bulk: existing tasks are
     * loaded with one query per province and sub-batch and updated through JPA (dirty checking,
     * per-task audit entries of the changed fields); new tasks are inserted with multi-row INSERTs
     * and get the same per-task CREATE audit entries the Hibernate listener writes. A row whose
     * code an earlier row of the same import created updates that task, as before.
     */
    private void importTasks(List<CsvRow> rows, RowProblems problems, ImportReport report, Lookups lookups) {
        lookups.prefetch(rows, List.of("lead_agency_code", "coordinating_agency_codes"), List.of("directive_code"));
        List<TaskRow> valid = new ArrayList<>();
        for (CsvRow row : rows) {
            report.read(row.file());
            TaskRow task = validTask(row, problems, lookups);
            if (task != null) {
                valid.add(task);
            }
        }
        Map<String, Task> existing = existingTasks(valid);
        Map<String, Task> created = new LinkedHashMap<>();
        for (TaskRow row : valid) {
            Task task = existing.get(row.key());
            if (task == null) {
                task = created.get(row.key());
            }
            if (task == null) {
                task = new Task(row.code(), row.province(), row.title(), row.lead());
                created.put(row.key(), task);
                report.created(row.row().file());
            } else if (!row.title().equals(task.getTitle()) || row.status() != task.getStatus()
                    || !Objects.equals(row.result(), task.getResult()) || !sameRow(task.getLeadAgency(), row.lead())
                    || !sameRow(task.getDirective(), row.directive())
                    || !Objects.equals(row.deadline() == null ? null : row.deadline().dueOn(), task.getDueOn())) {
                report.updated(row.row().file());
            }
            apply(row, task);
        }
        if (problems.isEmpty() && !created.isEmpty()) {
            insertNewTasks(new ArrayList<>(created.values()));
        }
    }

    /**
     * Same database row. Look-ups and loaded tasks may hold different Java objects for one agency
     * or directive (a lazy proxy created while loading another entity, and the entity a query
     * returned), so references are compared by id, never by identity.
     */
    private static boolean sameRow(BaseEntity a, BaseEntity b) {
        return a == null ? b == null : b != null && Objects.equals(a.getId(), b.getId());
    }

    private static Set<Long> ids(java.util.Collection<? extends BaseEntity> entities) {
        Set<Long> ids = new HashSet<>();
        entities.forEach(e -> ids.add(e.getId()));
        return ids;
    }

    private TaskRow validTask(CsvRow row, RowProblems problems, Lookups lookups) {
        String title = problems.required(row, "title");
        String province = problems.required(row, "province");
        Agency lead = problems.reference(row, "lead_agency_code",
                problems.required(row, "lead_agency_code"), lookups::agency);
        Directive directive = problems.reference(row, "directive_code", row.get("directive_code"),
                lookups::directive);
        TaskStatus status = problems.enumValue(row, "status", TaskStatus.class);
        if (row.get("status") == null) {
            problems.required(row, "status");
        }
        Deadline deadline = null;
        String dueText = row.get("due_on");
        if (dueText != null) {
            deadline = Deadline.parse(dueText).orElse(null);
            if (deadline == null) {
                problems.add(row, "Thời hạn không hợp lệ: '" + dueText + "' / malformed deadline");
            }
        }
        List<Agency> coordinators = new ArrayList<>();
        String coordinatorCodes = row.get("coordinating_agency_codes");
        if (coordinatorCodes != null) {
            for (String code : coordinatorCodes.split(";")) {
                Agency a = problems.reference(row, "coordinating_agency_codes", code.strip(), lookups::agency);
                if (a != null) {
                    coordinators.add(a);
                }
            }
        }
        if (title == null || province == null || lead == null || status == null
                || (dueText != null && deadline == null)) {
            return null;
        }
        String code = row.get("code") != null ? row.get("code") : generatedCode(province, directive, title);
        return new TaskRow(row, code, province, title, lead, directive, status, deadline, coordinators,
                row.get("result"));
    }

    private static void apply(TaskRow row, Task task) {
        task.setTitle(row.title());
        task.setLeadAgency(row.lead());
        task.setDirective(row.directive());
        task.setDeadline(row.deadline());
        task.setStatus(row.status());
        task.setResult(row.result());
        task.setSourceDoc(row.row().get("source_doc"));
        if (row.status() == TaskStatus.COMPLETED && task.getProgress() != 100) {
            task.setProgress(100);
        }
        if (!ids(task.getCoordinatingAgencies()).containsAll(ids(row.coordinators()))
                || task.getCoordinatingAgencies().size() != row.coordinators().size()) {
            task.getCoordinatingAgencies().clear();
            task.getCoordinatingAgencies().addAll(row.coordinators());
        }
    }

    /** The tasks the rows name that already exist: one query per province and sub-batch of codes. */
    private Map<String, Task> existingTasks(List<TaskRow> rows) {
        Map<String, Set<String>> codesByProvince = new LinkedHashMap<>();
        rows.forEach(r -> codesByProvince.computeIfAbsent(r.province(), p -> new LinkedHashSet<>()).add(r.code()));
        Map<String, Task> found = new HashMap<>();
        codesByProvince.forEach((province, codes) -> {
            for (List<String> part : NewTaskInserts.parts(new ArrayList<>(codes))) {
                tasks.findByProvinceCodeAndCodeIn(province, part)
                        .forEach(t -> found.put(taskKey(t.getProvinceCode(), t.getCode()), t));
            }
        });
        return found;
    }

    /**
     * Codes match as the database's unique key (province_code, code) does under MariaDB's
     * case-insensitive collation, so a row never inserts a second task the key would reject.
     */
    private static String taskKey(String province, String code) {
        return province.toLowerCase(Locale.ROOT) + "|" + code.toLowerCase(Locale.ROOT);
    }

    private void insertNewTasks(List<Task> created) {
        // Pending JPA writes of this import (agencies, directives, updated tasks) first, so the
        // bulk INSERTs see and reference them.
        entityManager.flush();
        created.forEach(Task::prepareBulkInsert);
        List<Long> ids = jdbc.execute((ConnectionCallback<List<Long>>) c -> NewTaskInserts.insert(c, created));
        audit.recordCreated(created, ids);
    }

    /**
     * A stable code for a task the source left without one, derived from what identifies it
     * (province, directive, folded title), so that a re-import finds the same task again.
     */
    public static String generatedCode(String province, Directive directive, String title) {
        String key = province + "|" + (directive == null ? "" : directive.getCode()) + "|" + TextFolding.fold(title);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "GEN-" + HexFormat.of().formatHex(hash, 0, 5).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
