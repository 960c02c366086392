package vn.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/** Depth, alias, cost and length limits answer LIMIT_EXCEEDED with the limit and the computed value. */
@IntegrationTest
class QueryLimitsGraphQlTest {

    @Autowired
    HttpGraphQlTester tester;

    @LocalServerPort
    int port;

    HttpGraphQlTester admin() {
        return TestTokens.asAdmin(tester);
    }

    void assertLimit(String query, String limit) {
        admin().document(query).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            Map<String, Object> ext = errors.get(0).getExtensions();
            assertThat(ext).containsEntry("code", "LIMIT_EXCEEDED").containsEntry("limit", limit)
                    .containsKeys("max", "actual");
            assertThat(((Number) ext.get("actual")).longValue()).isGreaterThan(((Number) ext.get("max")).longValue());
            assertThat(errors.get(0).getMessage()).contains("/");
        });
    }

    @Test
    void aQueryThirtyLevelsDeepIsRefused() {
        String deep = "{ agency(code: \"GL-TTPVHCC\") { " + "parent { ".repeat(29) + "code" + " }".repeat(29) + " } }";
        assertLimit(deep, "depth");
    }

    @Test
    void fiveHundredAliasesAreRefused() {
        StringBuilder q = new StringBuilder("{ ");
        for (int i = 0; i < 500; i++) {
            q.append("a").append(i).append(": today ");
        }
        assertLimit(q.append("}").toString(), "aliases");
    }

    @Test
    void aliasesCountInNestedFieldsInlineFragmentsAndFragmentsAlike() {
        StringBuilder nested = new StringBuilder();
        StringBuilder inline = new StringBuilder();
        StringBuilder fragment = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            nested.append(" n").append(i).append(": code");
            inline.append(" i").append(i).append(": name");
            fragment.append(" f").append(i).append(": today");
        }
        String query = "{ agencies(first: 1) { edges { node {" + nested + " ... on Agency {" + inline
                + "} } } } ...F } fragment F on Query {" + fragment + " }";
        admin().document(query).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("limit", "aliases");
            assertThat(((Number) errors.get(0).getExtensions().get("actual")).longValue()).isEqualTo(600);
        });
    }

    @Test
    void costMultipliesPageSizes() {
        // 100 agencies × 100 tasks each × 100 directives' tasks … is far over the limit.
        assertLimit("""
                { agencies(first: 100) { edges { node { tasks(first: 100) { edges { node { code
                    directive { tasks(first: 100) { edges { node { code title } } } } } } } } } } }""", "cost");
        // A full 100-task page with nested references is well within it.
        admin().document("""
                { tasks(first: 100) { edges { node { code leadAgency { code } coordinatingAgencies { code }
                    directive { code } } } } }""")
                .execute().path("tasks.edges").entityList(Object.class).hasSizeGreaterThan(30);
    }

    @Test
    void theStandardIntrospectionQueryFitsTheLimits() {
        // GraphiQL and code generators send this; the demo profile enables introspection.
        admin().document(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY).execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void overlongDocumentsAreRefusedUnparsed() {
        assertLimit("{ today " + "#".repeat(30_000) + "\n }", "queryLength");
    }

    @Test
    void errorsNeverLeakJavaNamesOrStackTraces() {
        RestClient client = RestClient.create("http://localhost:" + port);
        for (String query : new String[] {"{ tasks(first: \"x\") { totalCount } }", "{ nosuchfield }", "{ tasks(",
                "query($d: Date) { tasks(asOf: $d) { totalCount } }"}) {
            String body = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + TestTokens.ADMIN)
                    .body(Map.of("query", query, "variables", Map.of("d", "2026-13-01")))
                    .retrieve().body(String.class);
            assertThat(body).contains("\"code\":\"BAD_USER_INPUT\"").doesNotContain("java.", "Exception", "at vn.",
                    "graphql.", "SELECT", "select ");
        }
    }
}
