package vn.tracker.directive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.ConflictException;
import vn.tracker.common.InputErrors;
import vn.tracker.common.NotFoundException;
import vn.tracker.security.Permissions;

/** Changes to directives (reference data: admins only). Validates everything first. */
@Service
@Transactional
public class DirectiveCommandService {

    private final DirectiveRepository directives;
    private final ProgramRepository programs;
    private final AgencyRepository agencies;
    private final Permissions permissions;
    private final AsOfDates asOfDates;
    private final ApplicationEventPublisher events;

    DirectiveCommandService(DirectiveRepository directives, ProgramRepository programs, AgencyRepository agencies,
            Permissions permissions, AsOfDates asOfDates, ApplicationEventPublisher events) {
        this.events = events;
        this.directives = directives;
        this.programs = programs;
        this.agencies = agencies;
        this.permissions = permissions;
        this.asOfDates = asOfDates;
    }

    public Directive create(DirectiveInput input) {
        permissions.requireAdmin();
        InputErrors errors = new InputErrors();
        errors.requireText("input.code", input.code(), 80);
        errors.check(input.kind() != null, "input.kind", "Phải chọn loại văn bản / kind is required");
        errors.requireText("input.title", input.title(), 2000);
        validateCommon(errors, input);
        errors.throwIfAny();
        if (directives.findByCode(input.code().strip()).isPresent()) {
            throw new ConflictException("input.code", "Số hiệu văn bản '" + input.code() + "' đã có / directive code already exists");
        }
        Directive directive = new Directive(input.code().strip(), input.kind(), input.title().strip());
        apply(directive, input);
        return directives.saveAndFlush(directive);
    }

    public Directive update(String code, long expectedVersion, DirectiveInput input) {
        permissions.requireAdmin();
        Directive directive = directives.findByCode(code).orElseThrow(() -> NotFoundException.of("code", "văn bản", code));
        ConflictException.requireVersion(expectedVersion, directive.getVersion());
        InputErrors errors = new InputErrors();
        errors.check(input.code() == null || input.code().equals(code), "input.code",
                "Không đổi được số hiệu: là khóa trao đổi / the code is the exchange key and cannot change");
        if (input.title() != null) {
            errors.requireText("input.title", input.title(), 2000);
        }
        validateCommon(errors, input);
        errors.throwIfAny();
        if (input.kind() != null) {
            directive.setKind(input.kind());
        }
        if (input.title() != null) {
            directive.setTitle(input.title().strip());
        }
        apply(directive, input);
        directives.flush();
        return directive;
    }

    private void validateCommon(InputErrors errors, DirectiveInput input) {
        errors.notAfter("input.issuedOn", input.issuedOn(), asOfDates.today());
    }

    private void apply(Directive directive, DirectiveInput input) {
        if (input.issuer() != null) {
            directive.setIssuer(input.issuer().isBlank() ? null : agencies.findByCode(input.issuer())
                    .orElseThrow(() -> NotFoundException.of("input.issuer", "cơ quan", input.issuer())));
        }
        if (input.issuedOn() != null && !input.issuedOn().equals(directive.getIssuedOn())) {
            directive.setIssuedOn(input.issuedOn());
            if (directive.getId() != null) { // a new directive assigned no task yet
                events.publishEvent(new DirectiveIssuedOnChanged(directive.getId(), input.issuedOn()));
            }
        }
        if (input.parent() != null) {
            if (input.parent().isBlank()) {
                directive.setParent(null);
            } else {
                Directive parent = directives.findByCode(input.parent())
                        .orElseThrow(() -> NotFoundException.of("input.parent", "văn bản", input.parent()));
                for (Directive d = parent; d != null; d = d.getParent()) {
                    if (d.getCode().equals(directive.getCode())) {
                        new InputErrors().add("input.parent",
                                "Văn bản cấp trên tạo thành vòng / the parent would form a cycle").throwIfAny();
                    }
                }
                directive.setParent(parent);
            }
        }
        if (input.programs() != null) {
            List<Program> found = new ArrayList<>();
            for (String code : new LinkedHashSet<>(input.programs())) {
                found.add(programs.findByCode(code)
                        .orElseThrow(() -> NotFoundException.of("input.programs", "chương trình", code)));
            }
            directive.getPrograms().clear();
            directive.getPrograms().addAll(found);
        }
    }
}
