package vn.tracker.directive;

import java.time.LocalDate;
import java.util.List;

/** Fields of createDirective/updateDirective; on update an omitted field keeps its value, a list replaces. */
public record DirectiveInput(String code, DirectiveKind kind, String title, String issuer, LocalDate issuedOn,
        String parent, List<String> programs) {
}
