package vn.tracker.pilot;

import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.common.Payloads;

/** Pilot-model mutations, each returning a payload with the model or the user errors. */
@Controller
class PilotModelMutationController {

    private final PilotModelCommandService commands;

    PilotModelMutationController(PilotModelCommandService commands) {
        this.commands = commands;
    }

    @MutationMapping
    Map<String, Object> createPilotModel(@Argument PilotModelInput input) {
        return Payloads.of("pilotModel", () -> commands.create(input));
    }

    @MutationMapping
    Map<String, Object> updatePilotModel(@Argument String decision, @Argument int number,
            @Argument long expectedVersion, @Argument PilotModelInput input) {
        return Payloads.of("pilotModel", () -> commands.update(decision, number, expectedVersion, input));
    }
}
