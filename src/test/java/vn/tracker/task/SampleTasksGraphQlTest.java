package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/** The foundation's promise: the sample data is loaded and readable over HTTP with correct Vietnamese. */
@IntegrationTest
class SampleTasksGraphQlTest {

    @Autowired
    HttpGraphQlTester tester;

    @LocalServerPort
    int port;

    @Test
    void firstTasksComeBackWithVietnameseText() {
        HttpGraphQlTester graphQl = TestTokens.asAdmin(tester);
        graphQl.document("""
                { tasks(first: 5) { totalCount
                    pageInfo { hasNextPage endCursor }
                    edges { node { code title dueOn status leadAgency { name } } } } }""")
                .execute()
                .path("tasks.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(35))
                .path("tasks.edges").entityList(Object.class).hasSize(5)
                .path("tasks.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("tasks.edges[0].node.code").entity(String.class).isEqualTo("470_TBKL_NQ57")
                .path("tasks.edges[0].node.title").entity(String.class)
                .isEqualTo("Phần mềm để phục vụ giải quyết thủ tục hành chính")
                .path("tasks.edges[0].node.dueOn").entity(String.class).isEqualTo("2025-12-31")
                .path("tasks.edges[0].node.status").entity(String.class).isEqualTo("COMPLETED")
                .path("tasks.edges[0].node.leadAgency.name").entity(String.class)
                .isEqualTo("Văn phòng Ủy ban nhân dân tỉnh Gia Lai");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        HttpGraphQlTester graphQl = TestTokens.asAdmin(tester);
        String cursor = graphQl.document("{ tasks(first: 10) { pageInfo { endCursor } } }").execute()
                .path("tasks.pageInfo.endCursor").entity(String.class).get();
        List<String> second = graphQl.document("query($after: String) { tasks(first: 10, after: $after) "
                        + "{ edges { node { code } } pageInfo { hasPreviousPage } } }")
                .variable("after", cursor).execute()
                .path("tasks.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("tasks.edges[*].node.code").entityList(String.class).hasSize(10).get();
        List<String> firstTwenty = graphQl.document("{ tasks(first: 20) { edges { node { code } } } }").execute()
                .path("tasks.edges[*].node.code").entityList(String.class).get();
        assertThat(second).containsExactlyElementsOf(firstTwenty.subList(10, 20));
    }

    @Test
    void taskByCodeWithNestedReferences() {
        TestTokens.asAdmin(tester).document("""
                { task(code: "SEED-003-02") { title directive { code programs { code } }
                    coordinatingAgencies { code } health(asOf: "2026-01-06") } }""")
                .execute()
                .path("task.directive.code").entity(String.class).isEqualTo("SEED-KH-HNSK-2025")
                .path("task.coordinatingAgencies[*].code").entityList(String.class)
                .containsExactly("GL-BAOPTTH", "GL-SKHCN", "GL-SNV", "GL-STC", "GL-STP")
                .path("task.health").entity(String.class).isEqualTo("ON_TRACK");
    }

    @Test
    void healthFollowsTheAsOfDate() {
        HttpGraphQlTester graphQl = TestTokens.asAdmin(tester);
        // SEED-003-06 is due 2026-01-05 and not started: not overdue on its due date, overdue the day after.
        graphQl.document("{ task(code: \"SEED-003-06\") { onDay: health(asOf: \"2026-01-05\") "
                        + "after: health(asOf: \"2026-01-06\") } }")
                .execute()
                .path("task.onDay").entity(String.class).isEqualTo("ON_TRACK")
                .path("task.after").entity(String.class).isEqualTo("OVERDUE");
    }

    @Test
    void unknownCodeIsNullAndBadPageSizeIsAnInputError() {
        HttpGraphQlTester graphQl = TestTokens.asAdmin(tester);
        graphQl.document("{ task(code: \"NO-SUCH\") { code } }").execute().path("task").valueIsNull();
        graphQl.document("{ tasks(first: 1000) { totalCount } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                });
    }

    @Test
    void requestsWithoutCredentialsAreUnauthenticated() {
        RestClient client = RestClient.create("http://localhost:" + port);
        var response = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("query", "{ tasks(first: 1) { totalCount } }"))
                .exchange((req, res) -> Map.entry(res.getStatusCode(), new String(res.getBody().readAllBytes())));
        assertThat(response.getKey()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getValue()).contains("\"code\":\"UNAUTHENTICATED\"");
        var badToken = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer not-a-real-token")
                .body(Map.of("query", "{ tasks(first: 1) { totalCount } }"))
                .exchange((req, res) -> res.getStatusCode());
        assertThat(badToken).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
