package vn.tracker.agency;

import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.common.Payloads;

/** Agency and person mutations, each returning a payload with the object or the user errors. */
@Controller
class AgencyMutationController {

    private final AgencyCommandService commands;

    AgencyMutationController(AgencyCommandService commands) {
        this.commands = commands;
    }

    @MutationMapping
    Map<String, Object> createAgency(@Argument AgencyInput input) {
        return Payloads.of("agency", () -> commands.createAgency(input));
    }

    @MutationMapping
    Map<String, Object> updateAgency(@Argument String code, @Argument long expectedVersion, @Argument AgencyInput input) {
        return Payloads.of("agency", () -> commands.updateAgency(code, expectedVersion, input));
    }

    @MutationMapping
    Map<String, Object> createPerson(@Argument PersonInput input) {
        return Payloads.of("person", () -> commands.createPerson(input));
    }

    @MutationMapping
    Map<String, Object> updatePerson(@Argument String code, @Argument long expectedVersion, @Argument PersonInput input) {
        return Payloads.of("person", () -> commands.updatePerson(code, expectedVersion, input));
    }
}
