package vn.tracker.agency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.PageRequest;

@Controller
class AgencyGraphQlController {

    private final AgencyService agencies;

    AgencyGraphQlController(AgencyService agencies) {
        this.agencies = agencies;
    }

    @QueryMapping
    Agency agency(@Argument String code) {
        return agencies.byCode(code);
    }

    @QueryMapping
    Connection<Agency> agencies(@Argument AgencyService.Filter filter, @Argument Integer first,
            @Argument String after) {
        return agencies.list(filter, PageRequest.of(first, after));
    }

    @BatchMapping
    Map<Agency, Agency> parent(List<Agency> children) {
        Map<Long, Agency> loaded = agencies.byIds(Batches.referencedIds(children, Agency::getParent, Agency::getId));
        return Batches.mapReferences(children, Agency::getParent, Agency::getId, loaded);
    }

    @BatchMapping
    Map<Agency, List<Agency>> children(List<Agency> parents) {
        Map<Long, List<Agency>> byParent = new LinkedHashMap<>();
        agencies.childrenOf(parents.stream().map(Agency::getId).toList()).stream()
                .sorted(Comparator.comparing(Agency::getCode))
                .forEach(c -> byParent.computeIfAbsent(c.getParent().getId(), k -> new ArrayList<>()).add(c));
        Map<Agency, List<Agency>> result = new LinkedHashMap<>();
        parents.forEach(p -> result.put(p, byParent.getOrDefault(p.getId(), List.of())));
        return result;
    }

    @BatchMapping
    Map<Agency, List<Person>> people(List<Agency> parents) {
        Map<Long, List<Person>> byAgency = new LinkedHashMap<>();
        agencies.peopleOf(parents.stream().map(Agency::getId).toList())
                .forEach(p -> byAgency.computeIfAbsent(p.getAgency().getId(), k -> new ArrayList<>()).add(p));
        Map<Agency, List<Person>> result = new LinkedHashMap<>();
        parents.forEach(a -> result.put(a, byAgency.getOrDefault(a.getId(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Person", field = "agency")
    Map<Person, Agency> personAgency(List<Person> persons) {
        Map<Long, Agency> loaded = agencies.byIds(Batches.referencedIds(persons, Person::getAgency, Agency::getId));
        return Batches.mapReferences(persons, Person::getAgency, Agency::getId, loaded);
    }
}
