package vn.tracker.security;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import vn.tracker.common.Connection;
import vn.tracker.common.PageRequest;
import vn.tracker.common.Payloads;

/** API tokens and the caller over GraphQL; the rules live in {@link ApiTokenService}. */
@Controller
class SecurityGraphQlController {

    private final ApiTokenService tokens;

    SecurityGraphQlController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @QueryMapping
    Connection<ApiToken> apiTokens(@Argument Boolean includeInactive, @Argument Integer first, @Argument String after) {
        return tokens.list(Boolean.TRUE.equals(includeInactive), PageRequest.of(first, after));
    }

    @QueryMapping
    Map<String, Object> me() {
        Actor actor = CurrentActor.get();
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("name", actor.name());
        caller.put("role", actor.role().name());
        caller.put("scopes", actor.scopes().stream().sorted().toList());
        caller.put("token", actor.token());
        return caller;
    }

    @MutationMapping
    Map<String, Object> createApiToken(@Argument String name, @Argument List<Scope> scopes, @Argument String agencyCode,
            @Argument OffsetDateTime expiresAt, @Argument Integer rateLimit) {
        return Payloads.ofAll(() -> {
            ApiTokenService.Issued issued = tokens.create(name, scopes == null ? Set.of() : Set.copyOf(scopes),
                    agencyCode, expiresAt == null ? null : expiresAt.toInstant(), rateLimit);
            return Map.of("apiToken", issued.token(), "secret", issued.secret());
        }, "apiToken", "secret");
    }

    @MutationMapping
    Map<String, Object> revokeApiToken(@Argument String id) {
        return Payloads.of("apiToken", () -> tokens.revoke(parseId(id)));
    }

    @SchemaMapping(typeName = "ApiToken")
    boolean active(ApiToken token) {
        return tokens.isActive(token);
    }

    @SchemaMapping(typeName = "ApiToken")
    List<Scope> scopes(ApiToken token) {
        return token.getScopes().stream().sorted().toList();
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new vn.tracker.common.NotFoundException("Không tìm thấy mã truy cập / no such token");
        }
    }
}
