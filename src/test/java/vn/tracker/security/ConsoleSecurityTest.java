package vn.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.tracker.support.IntegrationTest;

/**
 * Console security over real HTTP: form login with CSRF, the session kept in the database,
 * CSRF for htmx requests, security headers, lockout after repeated wrong passwords.
 */
@IntegrationTest
class ConsoleSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DefaultPasswordGuard defaultPasswordGuard;

    @Test
    void loginPageIsPublicAndCarriesSecurityHeaders() {
        HttpResponse<String> page = new ConsoleClient(port).get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(csp.replaceAll("style-src[^;]*;", "")).doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(page.body()).contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"")
                .contains("/js/csrf-htmx.js");
        // The script the CSP allows is served as a static asset without credentials.
        assertThat(new ConsoleClient(port).get("/js/csrf-htmx.js").body()).contains("htmx:configRequest");
    }

    @Test
    void consolePagesRedirectToLoginWithoutASession() {
        HttpResponse<String> answer = new ConsoleClient(port).get("/admin/users");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() {
        ConsoleClient browser = new ConsoleClient(port);
        browser.get("/login");
        HttpResponse<String> answer = browser.postForm("/login", Map.of("username", "viewer", "password", "demo"));
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void loginStoresTheSessionInTheDatabaseWithTheConfiguredTimeout() {
        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> answer = browser.login("viewer", "demo");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String sessionId = new String(java.util.Base64.getDecoder().decode(browser.sessionCookie()));
        Map<String, Object> row = jdbc.queryForMap(
                "select PRINCIPAL_NAME, MAX_INACTIVE_INTERVAL from SPRING_SESSION where SESSION_ID = ?", sessionId);
        assertThat(row.get("PRINCIPAL_NAME")).isEqualTo("viewer");
        assertThat(((Number) row.get("MAX_INACTIVE_INTERVAL")).intValue()).isEqualTo(30 * 60);
    }

    @Test
    void htmxRequestsNeedTheCsrfHeaderFromTheMetaTag() {
        ConsoleClient browser = new ConsoleClient(port);
        browser.login("viewer", "demo");
        // A console page rendered for the signed-in user carries the token in its meta tags.
        String page = browser.get("/login").body();
        String token = ConsoleClient.metaCsrf(page);
        String header = ConsoleClient.metaCsrfHeader(page);

        HttpResponse<String> withoutToken = browser.postForm("/logout", Map.of(), Map.of("HX-Request", "true"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> withToken = browser.postForm("/logout", Map.of(),
                Map.of("HX-Request", "true", header, token));
        assertThat(withToken.statusCode()).isEqualTo(302);
        assertThat(withToken.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWithAVietnameseMessage() {
        String username = "lockout-probe";
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.save(new UserAccount(username, "Lockout probe", encoder.encode("Correct-Horse-9"), Role.VIEWER, null));
        }
        ConsoleClient browser = new ConsoleClient(port);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(browser.login(username, "wrong-" + attempt).headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }
        assertThat(browser.login(username, "wrong-5").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?locked");
        // Locked: even the right password is refused, and the page says why in Vietnamese.
        assertThat(browser.login(username, "Correct-Horse-9").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("Tài khoản tạm khóa do đăng nhập sai nhiều lần");
        UserAccount stored = accounts.findByUsername(username).orElseThrow();
        assertThat(stored.getLockedUntil()).isNotNull();
        assertThat(browser.sessionCookie() == null
                || jdbc.queryForObject("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = ?", Integer.class,
                        username) == 0).isTrue();
    }

    @Test
    void outsideTheDemoProfileDefaultPasswordsAreReported() {
        // The demo accounts use the password "demo": the guard lists them, and outside the demo
        // profile that list stops start-up.
        var problems = defaultPasswordGuard.findProblems();
        assertThat(problems).singleElement().asString()
                .contains("admin").contains("tgv").contains("ca-reporter").contains("viewer");
        assertThatThrownBy(() -> DefaultPasswordGuard.enforce(problems)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start outside the demo profile");
    }
}
