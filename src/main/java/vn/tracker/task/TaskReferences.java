package vn.tracker.task;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.agency.Person;
import vn.tracker.agency.PersonRepository;
import vn.tracker.common.InputErrors;
import vn.tracker.common.NotFoundException;
import vn.tracker.directive.Directive;
import vn.tracker.directive.DirectiveRepository;
import vn.tracker.pilot.PilotModel;
import vn.tracker.pilot.PilotModelRepository;

/** Resolves the codes a task input refers to; an unknown code is NOT_FOUND naming the input field. */
@Component
class TaskReferences {

    private final AgencyRepository agencies;
    private final DirectiveRepository directives;
    private final PersonRepository people;
    private final PilotModelRepository pilotModels;
    private final EntityManager em;

    TaskReferences(AgencyRepository agencies, DirectiveRepository directives, PersonRepository people,
            PilotModelRepository pilotModels, EntityManager em) {
        this.agencies = agencies;
        this.directives = directives;
        this.people = people;
        this.pilotModels = pilotModels;
        this.em = em;
    }

    Agency agency(String field, String code) {
        return agencies.findByCode(code).orElseThrow(() -> NotFoundException.of(field, "cơ quan", code));
    }

    List<Agency> agencies(String field, List<String> codes) {
        Map<String, Agency> found = agencies.findByCodeIn(codes).stream()
                .collect(Collectors.toMap(Agency::getCode, Function.identity()));
        return inOrder(field, "cơ quan", codes, found);
    }

    Directive directive(String field, String code) {
        return directives.findByCode(code).orElseThrow(() -> NotFoundException.of(field, "văn bản", code));
    }

    List<Person> people(String field, List<String> codes) {
        Map<String, Person> found = people.findByCodeIn(codes).stream()
                .collect(Collectors.toMap(Person::getCode, Function.identity()));
        return inOrder(field, "cán bộ", codes, found);
    }

    PilotModel pilotModel(String field, TaskFilter.PilotModelKey key) {
        new InputErrors().check(key.decision() != null && key.number() != null, field,
                "Cần decision và number của mô hình / give the model's decision and number").throwIfAny();
        return pilotModels.findByDecisionCodeAndNumber(key.decision(), key.number())
                .orElseThrow(() -> NotFoundException.of(field, "mô hình điểm", key.decision() + " #" + key.number()));
    }

    void forceVersionIncrement(Object entity) {
        em.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    private static <T> List<T> inOrder(String field, String what, List<String> codes, Map<String, T> found) {
        List<T> result = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            T item = found.get(code);
            if (item == null) {
                throw NotFoundException.of(field, what, code);
            }
            result.add(item);
        }
        return result;
    }
}
