package vn.tracker.directive;

import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.common.Payloads;

/** Directive mutations, each returning a payload with the directive or the user errors. */
@Controller
class DirectiveMutationController {

    private final DirectiveCommandService commands;

    DirectiveMutationController(DirectiveCommandService commands) {
        this.commands = commands;
    }

    @MutationMapping
    Map<String, Object> createDirective(@Argument DirectiveInput input) {
        return Payloads.of("directive", () -> commands.create(input));
    }

    @MutationMapping
    Map<String, Object> updateDirective(@Argument String code, @Argument long expectedVersion,
            @Argument DirectiveInput input) {
        return Payloads.of("directive", () -> commands.update(code, expectedVersion, input));
    }
}
