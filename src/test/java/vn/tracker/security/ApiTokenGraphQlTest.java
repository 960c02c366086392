package vn.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/** API tokens over real HTTP: created by admins, shown once, stored hashed, scoped, expiring, revocable. */
@IntegrationTest
class ApiTokenGraphQlTest {

    private static final String CREATE = """
            mutation($name: String!, $scopes: [TokenScope!]!, $agency: String, $expiresAt: DateTime) {
              createApiToken(name: $name, scopes: $scopes, agencyCode: $agency, expiresAt: $expiresAt) {
                secret apiToken { id name scopes active agency { code } createdBy expiresAt }
                errors { code field message } } }""";

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private HttpGraphQlTester bearer(String secret) {
        return tester.mutate().header("Authorization", "Bearer " + secret).build();
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private Map<String, Object> create(HttpGraphQlTester as, String name, String scope, String agency) {
        return as.document(CREATE).variable("name", name).variable("scopes", java.util.List.of(scope))
                .variable("agency", agency).execute().path("createApiToken").entity(Map.class).get();
    }

    @Test
    void createdTokenIsShownOnceStoredHashedAndWorks() {
        String name = unique("portal");
        Map<String, Object> payload = create(TestTokens.asAdmin(tester), name, "READ", null);
        assertThat((java.util.List<?>) payload.get("errors")).isEmpty();
        String secret = (String) payload.get("secret");
        assertThat(secret).startsWith("trk_").hasSizeGreaterThan(40);
        @SuppressWarnings("unchecked")
        Map<String, Object> token = (Map<String, Object>) payload.get("apiToken");
        assertThat(token.get("scopes")).isEqualTo(java.util.List.of("READ"));
        assertThat(token.get("active")).isEqualTo(true);
        assertThat(token.get("expiresAt")).isNotNull();

        String stored = jdbc.queryForObject("select token_hash from api_token where name = ?", String.class, name);
        assertThat(stored).hasSize(64).isEqualTo(TokenHashing.hash(secret)).doesNotContain(secret);

        bearer(secret).document("{ me { name role scopes token } tasks(first: 1) { totalCount } }").execute()
                .path("me.name").entity(String.class).isEqualTo("token:" + name)
                .path("me.role").entity(String.class).isEqualTo("PORTAL")
                .path("me.scopes").entityList(String.class).containsExactly("READ")
                .path("tasks.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());

        // Listed for admins, without any secret (the type has no such field).
        TestTokens.asAdmin(tester).document("{ apiTokens(first: 100) { edges { node { name active } } totalCount } }")
                .execute().path("apiTokens.edges[*].node.name").entityList(String.class).contains(name);
    }

    @Test
    void revokedTokenIsRefusedAtOnce() {
        Map<String, Object> payload = create(TestTokens.asAdmin(tester), unique("revoke-me"), "READ", null);
        String secret = (String) payload.get("secret");
        String id = (String) ((Map<?, ?>) payload.get("apiToken")).get("id");
        bearer(secret).document("{ today }").execute().path("today").hasValue();

        TestTokens.asAdmin(tester).document("mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { active revokedAt } errors { code } } }")
                .variable("id", id).execute()
                .path("revokeApiToken.errors").entityList(Object.class).hasSize(0)
                .path("revokeApiToken.apiToken.active").entity(Boolean.class).isEqualTo(false);

        assertUnauthenticated(secret);
    }

    @Test
    void expiredTokenIsRefused() {
        String name = unique("expiring");
        String secret = (String) create(TestTokens.asAdmin(tester), name, "READ", null).get("secret");
        bearer(secret).document("{ today }").execute().path("today").hasValue();
        jdbc.update("update api_token set expires_at = ? where name = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), name);
        assertUnauthenticated(secret);
    }

    @Test
    void onlyAdminsManageTokensAndBadInputIsRejected() {
        String readSecret = (String) create(TestTokens.asAdmin(tester), unique("reader"), "READ", null).get("secret");
        bearer(readSecret).document(CREATE).variable("name", unique("sneaky")).variable("scopes", java.util.List.of("ADMIN"))
                .execute().path("createApiToken.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN")
                .path("createApiToken.secret").valueIsNull();
        bearer(readSecret).document("{ apiTokens { totalCount } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));

        String name = unique("report-without-agency");
        TestTokens.asAdmin(tester).document(CREATE).variable("name", name).variable("scopes", java.util.List.of("REPORT"))
                .execute().path("createApiToken.errors[0].code").entity(String.class).isEqualTo("BAD_USER_INPUT")
                .path("createApiToken.errors[0].field").entityList(String.class).containsExactly("agencyCode");
        TestTokens.asAdmin(tester).document(CREATE).variable("name", name).variable("scopes", java.util.List.of("READ"))
                .variable("expiresAt", "2020-01-01T00:00:00Z")
                .execute().path("createApiToken.errors[0].field").entityList(String.class).containsExactly("expiresAt");
        assertThat(jdbc.queryForObject("select count(*) from api_token where name = ?", Integer.class, name)).isZero();
    }

    @Test
    void reportTokenIsBoundToItsAgency() {
        Map<String, Object> payload = create(TestTokens.asAdmin(tester), unique("ca-portal"), "REPORT", "GL-CA");
        assertThat((java.util.List<?>) payload.get("errors")).isEmpty();
        assertThat(((Map<?, ?>) ((Map<?, ?>) payload.get("apiToken")).get("agency")).get("code")).isEqualTo("GL-CA");
        bearer((String) payload.get("secret")).document("{ me { scopes } }").execute()
                .path("me.scopes").entityList(String.class).containsExactly("READ", "REPORT");
    }

    private void assertUnauthenticated(String secret) {
        var answer = RestClient.create("http://localhost:" + port).post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + secret)
                .body(Map.of("query", "{ today }"))
                .exchange((req, res) -> Map.entry(res.getStatusCode(), new String(res.getBody().readAllBytes())));
        assertThat(answer.getKey()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getValue()).contains("\"code\":\"UNAUTHENTICATED\"");
    }
}
