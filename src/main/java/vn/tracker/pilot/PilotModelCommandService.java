package vn.tracker.pilot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.common.ConflictException;
import vn.tracker.common.InputErrors;
import vn.tracker.common.NotFoundException;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveRepository;
import vn.tracker.directive.ProgramRepository;
import vn.tracker.security.Permissions;

/** Changes to the pilot-model registry (reference data: admins only). Validates everything first. */
@Service
@Transactional
public class PilotModelCommandService {

    private final PilotModelRepository models;
    private final DirectiveRepository directives;
    private final ProgramRepository programs;
    private final AgencyRepository agencies;
    private final Permissions permissions;

    PilotModelCommandService(PilotModelRepository models, DirectiveRepository directives, ProgramRepository programs,
            AgencyRepository agencies, Permissions permissions) {
        this.models = models;
        this.directives = directives;
        this.programs = programs;
        this.agencies = agencies;
        this.permissions = permissions;
    }

    public PilotModel create(PilotModelInput input) {
        permissions.requireAdmin();
        InputErrors errors = new InputErrors();
        errors.requireText("input.decision", input.decision(), 80);
        errors.check(input.number() != null, "input.number", "Phải có số thứ tự / number is required");
        errors.range("input.number", input.number(), 1, 100_000);
        errors.requireText("input.name", input.name(), 1000);
        errors.check(input.status() != null, "input.status", "Phải chọn trạng thái / status is required");
        errors.maxLength("input.provinceCode", input.provinceCode(), 20);
        errors.throwIfAny();
        Directive decision = directive("input.decision", input.decision());
        if (models.findByDecisionCodeAndNumber(decision.getCode(), input.number()).isPresent()) {
            throw new ConflictException("input.number", "Mô hình số " + input.number() + " của " + decision.getCode()
                    + " đã có / this decision already has a model with this number");
        }
        PilotModel model = new PilotModel(decision, input.number(), input.name().strip(), input.status());
        apply(model, input);
        return models.saveAndFlush(model);
    }

    public PilotModel update(String decision, int number, long expectedVersion, PilotModelInput input) {
        permissions.requireAdmin();
        PilotModel model = models.findByDecisionCodeAndNumber(decision, number)
                .orElseThrow(() -> NotFoundException.of("number", "mô hình điểm", decision + " #" + number));
        ConflictException.requireVersion(expectedVersion, model.getVersion());
        InputErrors errors = new InputErrors();
        errors.check(input.decision() == null || input.decision().equals(decision), "input.decision",
                "Không đổi được văn bản phê duyệt / the approving decision cannot change");
        errors.check(input.number() == null || input.number() == number, "input.number",
                "Không đổi được số thứ tự / the number cannot change");
        if (input.name() != null) {
            errors.requireText("input.name", input.name(), 1000);
        }
        errors.maxLength("input.provinceCode", input.provinceCode(), 20);
        errors.throwIfAny();
        if (input.name() != null) {
            model.setName(input.name().strip());
        }
        if (input.status() != null) {
            model.setStatus(input.status());
        }
        apply(model, input);
        models.flush();
        return model;
    }

    private void apply(PilotModel model, PilotModelInput input) {
        if (input.program() != null) {
            model.setProgram(input.program().isBlank() ? null : programs.findByCode(input.program())
                    .orElseThrow(() -> NotFoundException.of("input.program", "chương trình", input.program())));
        }
        if (input.leadAgency() != null) {
            model.setLeadAgency(input.leadAgency().isBlank() ? null : agencies.findByCode(input.leadAgency())
                    .orElseThrow(() -> NotFoundException.of("input.leadAgency", "cơ quan", input.leadAgency())));
        }
        if (input.provinceCode() != null) {
            model.setProvinceCode(input.provinceCode().isBlank() ? null : input.provinceCode().strip());
        }
        if (input.otherDecisions() != null) {
            List<Directive> others = new ArrayList<>();
            for (String code : new LinkedHashSet<>(input.otherDecisions())) {
                others.add(directive("input.otherDecisions", code));
            }
            model.getOtherDecisions().clear();
            model.getOtherDecisions().addAll(others);
        }
    }

    private Directive directive(String field, String code) {
        return directives.findByCode(code).orElseThrow(() -> NotFoundException.of(field, "văn bản", code));
    }
}
