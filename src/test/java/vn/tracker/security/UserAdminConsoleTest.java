package vn.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tracker.support.IntegrationTest;

/** The admin users page over real HTTP: forms with CSRF, the rules of UserAdminService, nothing changes on errors. */
@IntegrationTest
class UserAdminConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository accounts;

    private ConsoleClient admin() {
        ConsoleClient browser = new ConsoleClient(port);
        assertThat(browser.login("admin", "demo").headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private HttpResponse<String> submit(ConsoleClient browser, String path, Map<String, String> fields) {
        String page = browser.get("/admin/users").body();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", ConsoleClient.hiddenCsrf(page));
        return browser.postForm(path, form);
    }

    private HttpResponse<String> create(ConsoleClient browser, String username, String password, String role,
            String agency) {
        return submit(browser, "/admin/users", Map.of("username", username, "displayName", "Cán bộ " + username,
                "password", password, "role", role, "agencyCode", agency));
    }

    @Test
    void adminSeesTheAccountsAndOthersAreForbidden() {
        String page = admin().get("/admin/users").body();
        assertThat(page).contains("id=\"user-admin\"").contains("id=\"user-ca-reporter\"").contains("GL-CA")
                .contains("Quản lý tài khoản");
        ConsoleClient viewer = new ConsoleClient(port);
        viewer.login("viewer", "demo");
        assertThat(viewer.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void createdReporterCanSignInAndWeakInputIsRejectedWithoutChanges() {
        ConsoleClient browser = admin();
        String username = unique("rep");
        HttpResponse<String> created = create(browser, username, "Mat-khau-Manh-2026", "AGENCY_REPORTER", "GL-CA");
        assertThat(created.statusCode()).isEqualTo(302);
        UserAccount stored = accounts.findByUsername(username).orElseThrow();
        assertThat(stored.getRole()).isEqualTo(Role.AGENCY_REPORTER);
        assertThat(stored.getPasswordHash()).startsWith("$2").doesNotContain("Mat-khau");
        assertThat(new ConsoleClient(port).login(username, "Mat-khau-Manh-2026").headers().firstValue("Location")
                .orElseThrow()).doesNotContain("error");

        String weak = unique("weak");
        HttpResponse<String> tooShort = create(browser, weak, "short", "VIEWER", "");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("Mật khẩu 10–200 ký tự");
        HttpResponse<String> noAgency = create(browser, weak, "Mat-khau-Manh-2026", "AGENCY_REPORTER", "");
        assertThat(noAgency.statusCode()).isEqualTo(400);
        assertThat(noAgency.body()).contains("Cán bộ báo cáo phải thuộc một cơ quan");
        HttpResponse<String> duplicate = create(browser, username, "Mat-khau-Manh-2026", "VIEWER", "");
        assertThat(duplicate.body()).contains("Tên đăng nhập đã tồn tại");
        assertThat(accounts.findByUsername(weak)).isEmpty();
    }

    @Test
    void disablingEndsTheUsersSessionAndBlocksSignIn() {
        ConsoleClient browser = admin();
        String username = unique("off");
        create(browser, username, "Mat-khau-Manh-2026", "VIEWER", "");
        ConsoleClient user = new ConsoleClient(port);
        user.login(username, "Mat-khau-Manh-2026");
        assertThat(user.get("/login").statusCode()).isEqualTo(200);
        assertThat(user.get("/admin/users").statusCode()).isEqualTo(403); // signed in, but not an admin

        UserAccount account = accounts.findByUsername(username).orElseThrow();
        HttpResponse<String> disabled = submit(browser, "/admin/users/" + account.getId() + "/enabled",
                Map.of("enabled", "false", "version", Long.toString(account.getVersion())));
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(accounts.findByUsername(username).orElseThrow().isEnabled()).isFalse();
        // The open session is gone: the same browser is sent to the login page again.
        assertThat(user.get("/admin/users").statusCode()).isEqualTo(302);
        assertThat(new ConsoleClient(port).login(username, "Mat-khau-Manh-2026").headers().firstValue("Location")
                .orElseThrow()).endsWith("/login?disabled");
    }

    @Test
    void resetPasswordReplacesTheOldOneAndStaleFormsConflict() {
        ConsoleClient browser = admin();
        String username = unique("reset");
        create(browser, username, "Mat-khau-Cu-2026", "VIEWER", "");
        UserAccount account = accounts.findByUsername(username).orElseThrow();
        HttpResponse<String> reset = submit(browser, "/admin/users/" + account.getId() + "/password",
                Map.of("password", "Mat-khau-Moi-2026", "version", Long.toString(account.getVersion())));
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(new ConsoleClient(port).login(username, "Mat-khau-Cu-2026").headers().firstValue("Location")
                .orElseThrow()).endsWith("/login?error");
        assertThat(new ConsoleClient(port).login(username, "Mat-khau-Moi-2026").headers().firstValue("Location")
                .orElseThrow()).doesNotContain("error");

        // A form rendered before the reset carries the old version: refused, role unchanged.
        HttpResponse<String> stale = submit(browser, "/admin/users/" + account.getId() + "/role",
                Map.of("role", "ADMIN", "agencyCode", "", "version", Long.toString(account.getVersion())));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(accounts.findByUsername(username).orElseThrow().getRole()).isEqualTo(Role.VIEWER);
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        ConsoleClient browser = admin();
        String username = unique("nocsrf");
        HttpResponse<String> answer = browser.postForm("/admin/users", Map.of("username", username,
                "displayName", "x", "password", "Mat-khau-Manh-2026", "role", "ADMIN", "agencyCode", ""));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(accounts.findByUsername(username)).isEmpty();
    }
}
