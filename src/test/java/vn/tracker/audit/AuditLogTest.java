package vn.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.security.ApiTokenService;
import vn.tracker.security.Scope;
import vn.tracker.security.UserAccountRepository;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/**
 * The audit log over real HTTP: a write made in the console shows up with who, when, the entity
 * and each field before/after; secrets never reach the log; only admins read it.
 */
@IntegrationTest
class AuditLogTest {

    private static final String QUERY = """
            query($filter: AuditFilter) { auditLog(filter: $filter, first: 10) { totalCount
              edges { node { actor actorKind action entityType entityId entityCode at
                changes { field before after } } } } }""";

    @Autowired
    HttpGraphQlTester tester;

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AuditTrail trail;

    @Test
    @SuppressWarnings("unchecked")
    void consoleWritesAreLoggedWithFieldsBeforeAndAfterAndNoSecrets() {
 AdminConsole console = new AdminConsole(port, accounts);
        String username = "audit-" + Long.toString(System.nanoTime(), 36);
        console.createUser(username, "Mat-khau-Manh-2026", "VIEWER", "");
        long id = accounts.findByUsername(username).orElseThrow().getId();
        console.changeRole(id, "AGENCY_REPORTER", "GL-CA");

        List<Map<String, Object>> entries = TestTokens.asAdmin(tester).document(QUERY)
                .variable("filter", Map.of("entityType", "UserAccount", "entityCode", username)).execute()
                .path("auditLog.totalCount").entity(Integer.class).isEqualTo(2)
                .path("auditLog.edges[*].node").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        Map<String, Object> update = entries.get(0);
        Map<String, Object> create = entries.get(1);
        assertThat(create).containsEntry("action", "CREATE").containsEntry("actor", "admin")
                .containsEntry("actorKind", "USER").containsEntry("entityId", Long.toString(id));
        assertThat(create.get("changes").toString()).contains("field=username").contains("after=" + username)
                .doesNotContain("passwordHash").doesNotContain("$2");
        assertThat(update).containsEntry("action", "UPDATE");
        assertThat((List<Object>) update.get("changes")).contains((Object)
                Map.of("field", "role", "before", "VIEWER", "after", "AGENCY_REPORTER"));
        assertThat(update.get("changes").toString()).contains("field=agency").contains("after=Agency#");

        // The console's task page uses the same history through AuditTrail.ofEntity.
        assertThat(trail.ofEntity("UserAccount", id, 10)).extracting(AuditEntry::action)
                .containsExactly(AuditEntry.AuditAction.UPDATE, AuditEntry.AuditAction.CREATE);
    }

    @Test
    void onlyAdminsReadTheLog() {
        String secret = "audit-reader-" + Long.toString(System.nanoTime(), 36) + "-0123456789";
        tokens.ensure("audit-reader", secret, java.util.EnumSet.of(Scope.READ));
        tester.mutate().header("Authorization", "Bearer " + secret).build().document(QUERY).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }
}
