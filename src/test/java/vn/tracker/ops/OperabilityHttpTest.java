package vn.tracker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/** Probes and metrics as an orchestrator and a Prometheus scraper see them: over real HTTP. */
@IntegrationTest
class OperabilityHttpTest {

    @LocalServerPort
    int port;

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    private ResponseEntity<Map<String, Object>> getJson(String path, String token) {
        var spec = http().get().uri(path);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.retrieve().toEntity(new ParameterizedTypeReference<>() { });
    }

    @Test
    void probesAnswerWithoutCredentialsAndRevealNothingElse() {
        ResponseEntity<Map<String, Object>> readiness = getJson("/actuator/health/readiness", null);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).containsEntry("status", "UP").doesNotContainKey("components");

        ResponseEntity<Map<String, Object>> liveness = getJson("/actuator/health/liveness", null);
        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(liveness.getBody()).containsEntry("status", "UP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void readinessIncludesTheDatabaseForAnAdministrator() {
        ResponseEntity<Map<String, Object>> readiness = getJson("/actuator/health/readiness", TestTokens.ADMIN);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> components = (Map<String, Object>) readiness.getBody().get("components");
        assertThat(components).containsKeys("db", "readinessState");
        assertThat((Map<String, Object>) components.get("db")).containsEntry("status", "UP");
        // Liveness deliberately does not depend on the database: a MariaDB restart must not get the JVM killed.
        Map<String, Object> liveness = (Map<String, Object>) getJson("/actuator/health/liveness", TestTokens.ADMIN)
                .getBody().get("components");
        assertThat(liveness).containsOnlyKeys("livenessState");
    }

    @Test
    void metricsNeedAnAdministrator() {
        assertThat(http().get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http().get().uri("/actuator/prometheus").header("Authorization", "Bearer not-a-token")
                .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http().get().uri("/actuator/metrics").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void prometheusReportsLatencyPerOperationStatementsPerRequestAndImports() {
        ResponseEntity<String> answer = http().post().uri("/graphql")
                .header("Authorization", "Bearer " + TestTokens.ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("query", "query OpsProbeTaskPage { tasks(first: 3) { edges { node { code leadAgency { name } } } } }"))
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("\"code\"").doesNotContain("errors");

        ResponseEntity<String> scrape = http().get().uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + TestTokens.ADMIN).retrieve().toEntity(String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        String metrics = scrape.getBody();
        assertThat(metrics)
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"OpsProbeTaskPage\"[^}]*\\} [1-9]")
                .containsPattern("graphql_request_seconds_bucket\\{[^}]*graphql_operation_name=\"OpsProbeTaskPage\"")
                .containsPattern("tracker_sql_statements_per_request_statements_count\\{endpoint=\"graphql\"[^}]*\\} [1-9]")
                .containsPattern("tracker_sql_statements_total(\\{[^}]*\\})? [1-9]")
                .containsPattern("tracker_import_rows_total\\{action=\"created\",file=\"tasks.csv\"[^}]*\\} [1-9]")
                .containsPattern("tracker_import_runs_total\\{[^}]*outcome=\"succeeded\"[^}]*\\} [1-9]")
                .containsPattern("cache_gets_total\\{cache=\"series\"[^}]*result=\"hit\"")
                .contains("hikaricp_connections_active");
    }
}
