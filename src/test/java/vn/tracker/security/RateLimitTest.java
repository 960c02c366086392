package vn.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/**
 * Rate limits on /graphql over real HTTP: a token over its own limit and a client address over the
 * per-address limit get HTTP 429, Retry-After and LIMIT_EXCEEDED, while other callers go on.
 * Test traffic comes from 127.0.0.1; the per-address test uses addresses of the documentation
 * range (RFC 5737) given by X-Forwarded-For, which Tomcat trusts only from a local proxy.
 */
@IntegrationTest
class RateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    SecuritySettings settings;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tokenOverItsOwnLimitGetsLimitExceededWithRetryAfter() {
        String secret = TestTokens.asAdmin(tester).document("""
                mutation { createApiToken(name: "limited-portal", scopes: [READ], rateLimit: 3) { secret errors { code } } }""")
                .execute().path("createApiToken.secret").entity(String.class).get();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + secret);
        for (int i = 0; i < 3; i++) {
            assertThat(post("{\"query\":\"{ today }\"}", bearer).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = post("{\"query\":\"{ today }\"}", bearer);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(1L, 60L);
        assertThat(limited.body()).contains("\"code\":\"LIMIT_EXCEEDED\"").contains("Vượt giới hạn");
        // Other callers are not affected.
        TestTokens.asAdmin(tester).document("{ today }").execute().path("today").hasValue();
    }

    @Test
    void clientAddressOverTheLimitIsStoppedBeforeAuthentication() {
        Map<String, String> flooder = Map.of("X-Forwarded-For", "198.51.100." + (System.nanoTime() % 200 + 1));
        long limit = settings.getRateLimit().getPerAddress();
        int unauthenticated = 0;
        HttpResponse<String> last = null;
        for (long i = 0; i <= limit; i++) {
            last = post("{\"query\":\"{ today }\"}", flooder);
            if (last.statusCode() == 401) {
                unauthenticated++;
            }
        }
        // Guessing tokens from one address is limited too: the requests had no credentials.
        assertThat(unauthenticated).isEqualTo((int) limit);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("\"code\":\"LIMIT_EXCEEDED\"");
        // Another address still reaches authentication.
        assertThat(post("{\"query\":\"{ today }\"}", Map.of("X-Forwarded-For", "203.0.113.9")).statusCode())
                .isEqualTo(401);
    }
}
