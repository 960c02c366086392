package vn.tracker.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.common.Payloads;

/** Task mutations: each returns a payload with the changed task or the user errors. */
@Controller
class TaskMutationController {

    private final TaskCommandService commands;

    TaskMutationController(TaskCommandService commands) {
        this.commands = commands;
    }

    @MutationMapping
    Map<String, Object> reportProgress(@Argument String code, @Argument String province, @Argument TaskStatus status,
            @Argument Integer progress, @Argument String result, @Argument List<EvidenceInput> evidence,
            @Argument LocalDate reportedOn, @Argument Long expectedVersion) {
        return Payloads.ofAll(() -> {
            var done = commands.reportProgress(new ProgressReportCommand(code, province, status, progress, result,
                    evidence, reportedOn, expectedVersion));
            return Map.of("task", done.task(), "progressReport", done.report());
        }, "task", "progressReport");
    }

    @MutationMapping
    Map<String, Object> createTask(@Argument TaskInput input) {
        return Payloads.of("task", () -> commands.create(input));
    }

    @MutationMapping
    Map<String, Object> updateTask(@Argument String code, @Argument String province, @Argument long expectedVersion,
            @Argument TaskInput input) {
        return Payloads.of("task", () -> commands.update(code, province, expectedVersion, input));
    }

    @MutationMapping
    Map<String, Object> assignPeople(@Argument String code, @Argument String province, @Argument Long expectedVersion,
            @Argument List<String> people) {
        return Payloads.of("task", () -> commands.assignPeople(code, province, expectedVersion, people));
    }

    @MutationMapping
    Map<String, Object> addEvidence(@Argument String code, @Argument String province,
            @Argument List<EvidenceInput> evidence) {
        return Payloads.of("task", () -> commands.addEvidence(code, province, evidence));
    }

    @MutationMapping
    Map<String, Object> linkDuplicate(@Argument String code, @Argument String province, @Argument String duplicateOf,
            @Argument String duplicateOfProvince, @Argument Long expectedVersion) {
        return Payloads.of("task",
                () -> commands.linkDuplicate(code, province, duplicateOf, duplicateOfProvince, expectedVersion));
    }
}
