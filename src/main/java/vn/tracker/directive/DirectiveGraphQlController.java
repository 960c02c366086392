package vn.tracker.directive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyService;
import vn.tracker.common.Batches;
import vn.tracker.common.Connection;
import vn.tracker.common.PageRequest;

@Controller
class DirectiveGraphQlController {

    private final DirectiveService directives;
    private final AgencyService agencies;

    DirectiveGraphQlController(DirectiveService directives, AgencyService agencies) {
        this.directives = directives;
        this.agencies = agencies;
    }

    @QueryMapping
    Directive directive(@Argument String code) {
        return directives.byCode(code);
    }

    @QueryMapping
    Connection<Directive> directives(@Argument DirectiveService.Filter filter, @Argument Integer first,
            @Argument String after) {
        return directives.list(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    List<Program> programs() {
        return directives.allPrograms();
    }

    @BatchMapping
    Map<Directive, Agency> issuer(List<Directive> batch) {
        Map<Long, Agency> loaded = agencies.byIds(Batches.referencedIds(batch, Directive::getIssuer, Agency::getId));
        return Batches.mapReferences(batch, Directive::getIssuer, Agency::getId, loaded);
    }

    @BatchMapping
    Map<Directive, Directive> parent(List<Directive> batch) {
        Map<Long, Directive> loaded = directives.byIds(
                Batches.referencedIds(batch, Directive::getParent, Directive::getId));
        return Batches.mapReferences(batch, Directive::getParent, Directive::getId, loaded);
    }

    @BatchMapping
    Map<Directive, List<Directive>> implementedBy(List<Directive> batch) {
        Map<Long, List<Directive>> byParent = new LinkedHashMap<>();
        directives.implementing(batch.stream().map(Directive::getId).toList()).stream()
                .sorted(Comparator.comparing(Directive::getCode))
                .forEach(d -> byParent.computeIfAbsent(d.getParent().getId(), k -> new ArrayList<>()).add(d));
        Map<Directive, List<Directive>> result = new LinkedHashMap<>();
        batch.forEach(d -> result.put(d, byParent.getOrDefault(d.getId(), List.of())));
        return result;
    }

    @BatchMapping
    Map<Directive, List<Program>> programs(List<Directive> batch) {
        Map<Long, List<Program>> byDirective = directives.programsOf(batch.stream().map(Directive::getId).toList());
        Map<Directive, List<Program>> result = new LinkedHashMap<>();
        batch.forEach(d -> result.put(d, byDirective.getOrDefault(d.getId(), List.of())));
        return result;
    }
}
