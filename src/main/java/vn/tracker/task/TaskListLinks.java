package vn.tracker.task;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.DataBinder;
import org.springframework.web.util.UriComponentsBuilder;
import vn.tracker.common.BadInputException;

/**
 * Reads a console list link ({@code /tasks?health=OVERDUE&agency=GL-CA…}) back into its filters,
 * with the same conversions as binding GET /tasks. A form posted from a list row carries the list's
 * link, so the answer can recount that list and send the user back to exactly it. Only /tasks
 * links are accepted, and the way back is rebuilt from the filters, never echoed (no open redirect).
 */
@Component
class TaskListLinks {

    private final ConversionService conversions;

    TaskListLinks(@Qualifier("mvcConversionService") ConversionService conversions) {
        this.conversions = conversions;
    }

    TaskListForm parse(String link) {
        if (link == null || link.isBlank()) {
            return blank();
        }
        if (!link.equals("/tasks") && !link.startsWith("/tasks?")) {
            throw new BadInputException("back", "Đường dẫn danh sách không hợp lệ / not a task list link");
        }
        MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString(link).build().getQueryParams();
        DataBinder binder = new DataBinder(null, "form");
        binder.setTargetType(ResolvableType.forClass(TaskListForm.class));
        binder.setConversionService(conversions);
        binder.construct(new DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> type) {
                List<String> values = params.get(name);
                return values == null ? null
                        : values.stream().map(v -> v == null ? "" : URLDecoder.decode(v, StandardCharsets.UTF_8))
                                .toArray(String[]::new);
            }

            @Override
            public Set<String> getNames() {
                return params.keySet();
            }
        });
        if (binder.getBindingResult().hasErrors() || !(binder.getTarget() instanceof TaskListForm form)) {
            throw new BadInputException("back", "Đường dẫn danh sách không hợp lệ / not a task list link");
        }
        return form;
    }

    private static TaskListForm blank() {
        return new TaskListForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
