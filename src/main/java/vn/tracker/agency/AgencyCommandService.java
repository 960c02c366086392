package vn.tracker.agency;

import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.common.ConflictException;
import vn.tracker.common.InputErrors;
import vn.tracker.common.NotFoundException;
import vn.tracker.security.Permissions;

/** Changes to agencies and people (reference data: admins only). Validates everything first. */
@Service
@Transactional
public class AgencyCommandService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:\\-]{1,60}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AgencyRepository agencies;
    private final PersonRepository people;
    private final Permissions permissions;

    AgencyCommandService(AgencyRepository agencies, PersonRepository people, Permissions permissions) {
        this.agencies = agencies;
        this.people = people;
        this.permissions = permissions;
    }

    public Agency createAgency(AgencyInput input) {
        permissions.requireAdmin();
        InputErrors errors = new InputErrors();
        requireNewCode(errors, input.code());
        errors.requireText("input.name", input.name(), 500);
        errors.check(input.kind() != null, "input.kind", "Phải chọn loại cơ quan / kind is required");
        validateCommon(errors, input);
        errors.throwIfAny();
        if (agencies.findByCode(input.code()).isPresent()) {
            throw new ConflictException("input.code", "Mã cơ quan '" + input.code() + "' đã có / agency code already exists");
        }
        Agency agency = new Agency(input.code().strip(), input.name().strip(), input.kind());
        apply(agency, input);
        return agencies.saveAndFlush(agency);
    }

    public Agency updateAgency(String code, long expectedVersion, AgencyInput input) {
        permissions.requireAdmin();
        Agency agency = agencies.findByCode(code).orElseThrow(() -> NotFoundException.of("code", "cơ quan", code));
        ConflictException.requireVersion(expectedVersion, agency.getVersion());
        InputErrors errors = new InputErrors();
        errors.check(input.code() == null || input.code().equals(code), "input.code",
                "Không đổi được mã: mã là khóa trao đổi / the code is the exchange key and cannot change");
        if (input.name() != null) {
            errors.requireText("input.name", input.name(), 500);
        }
        validateCommon(errors, input);
        errors.throwIfAny();
        if (input.name() != null) {
            agency.setName(input.name().strip());
        }
        if (input.kind() != null) {
            agency.setKind(input.kind());
        }
        apply(agency, input);
        agencies.flush();
        return agency;
    }

    /** Codes are exchange keys between provinces: required, short, plain ASCII. */
    private static void requireNewCode(InputErrors errors, String code) {
        errors.requireText("input.code", code, 60);
        if (code != null && !code.isBlank()) {
            errors.check(CODE.matcher(code).matches(), "input.code",
                    "Mã chỉ gồm chữ không dấu, số và _ . : - / code may hold ASCII letters, digits and _ . : -");
        }
    }

    private static void validateCommon(InputErrors errors, AgencyInput input) {
        errors.maxLength("input.provinceCode", input.provinceCode(), 20);
        if (input.validFrom() != null && input.validTo() != null) {
            errors.check(!input.validFrom().isAfter(input.validTo()), "input.validTo",
                    "validTo phải sau validFrom / validTo must not be before validFrom");
        }
    }

    private void apply(Agency agency, AgencyInput input) {
        if (input.parent() != null) {
            if (input.parent().isBlank()) {
                agency.setParent(null);
            } else {
                Agency parent = agencies.findByCode(input.parent())
                        .orElseThrow(() -> NotFoundException.of("input.parent", "cơ quan", input.parent()));
                for (Agency a = parent; a != null; a = a.getParent()) {
                    if (a.getCode().equals(agency.getCode())) {
                        new InputErrors().add("input.parent",
                                "Cơ quan cấp trên tạo thành vòng / the parent would form a cycle").throwIfAny();
                    }
                }
                agency.setParent(parent);
            }
        }
        if (input.provinceCode() != null) {
            agency.setProvinceCode(input.provinceCode().isBlank() ? null : input.provinceCode().strip());
        }
        if (input.validFrom() != null) {
            agency.setValidFrom(input.validFrom());
        }
        if (input.validTo() != null) {
            agency.setValidTo(input.validTo());
        }
    }

    public Person createPerson(PersonInput input) {
        permissions.requireAdmin();
        InputErrors errors = new InputErrors();
        requireNewCode(errors, input.code());
        errors.requireText("input.fullName", input.fullName(), 200);
        errors.requireText("input.agency", input.agency(), 60);
        validatePerson(errors, input);
        errors.throwIfAny();
        if (people.findByCode(input.code()).isPresent()) {
            throw new ConflictException("input.code", "Mã cán bộ '" + input.code() + "' đã có / person code already exists");
        }
        Agency agency = agencies.findByCode(input.agency())
                .orElseThrow(() -> NotFoundException.of("input.agency", "cơ quan", input.agency()));
        Person person = new Person(input.code().strip(), input.fullName().strip(), agency);
        applyPerson(person, input);
        return people.saveAndFlush(person);
    }

    public Person updatePerson(String code, long expectedVersion, PersonInput input) {
        permissions.requireAdmin();
        Person person = people.findByCode(code).orElseThrow(() -> NotFoundException.of("code", "cán bộ", code));
        ConflictException.requireVersion(expectedVersion, person.getVersion());
        InputErrors errors = new InputErrors();
        errors.check(input.code() == null || input.code().equals(code), "input.code",
                "Không đổi được mã / the code cannot change");
        if (input.fullName() != null) {
            errors.requireText("input.fullName", input.fullName(), 200);
        }
        validatePerson(errors, input);
        errors.throwIfAny();
        if (input.fullName() != null) {
            person.setFullName(input.fullName().strip());
        }
        if (input.agency() != null) {
            person.setAgency(agencies.findByCode(input.agency())
                    .orElseThrow(() -> NotFoundException.of("input.agency", "cơ quan", input.agency())));
        }
        applyPerson(person, input);
        people.flush();
        return person;
    }

    private static void validatePerson(InputErrors errors, PersonInput input) {
        errors.maxLength("input.position", input.position(), 200);
        errors.maxLength("input.email", input.email(), 200);
        errors.maxLength("input.phone", input.phone(), 50);
        if (input.email() != null && !input.email().isBlank()) {
            errors.check(EMAIL.matcher(input.email().strip()).matches(), "input.email",
                    "Địa chỉ e-mail không hợp lệ / invalid e-mail address");
        }
    }

    private static void applyPerson(Person person, PersonInput input) {
        if (input.position() != null) {
            person.setPosition(blankToNull(input.position()));
        }
        if (input.email() != null) {
            person.setEmail(blankToNull(input.email()));
        }
        if (input.phone() != null) {
            person.setPhone(blankToNull(input.phone()));
        }
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
