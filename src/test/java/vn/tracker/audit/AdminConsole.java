package vn.tracker.audit;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.tracker.security.UserAccountRepository;

/** Drives the admin users page over real HTTP as the demo admin, for tests that need console writes. */
class AdminConsole {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final UserAccountRepository accounts;
    private boolean signedIn;

    AdminConsole(int port, UserAccountRepository accounts) {
        this.base = "http://localhost:" + port;
        this.accounts = accounts;
    }

    void createUser(String username, String password, String role, String agencyCode) {
        post("/admin/users", Map.of("username", username, "displayName", "Cán bộ " + username, "password", password,
                "role", role, "agencyCode", agencyCode));
    }

    void changeRole(long id, String role, String agencyCode) {
        long version = accounts.findById(id).orElseThrow().getVersion();
        post("/admin/users/" + id + "/role", Map.of("role", role, "agencyCode", agencyCode,
                "version", Long.toString(version)));
    }

    private synchronized void post(String path, Map<String, String> fields) {
        if (!signedIn) {
            String page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build()).body();
            HttpResponse<String> login = form("/login", Map.of("username", "admin", "password", "demo"), csrf(page));
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new AssertionError("admin sign-in failed");
            }
            signedIn = true;
        }
        String page = send(HttpRequest.newBuilder(URI.create(base + "/admin/users")).GET().build()).body();
        HttpResponse<String> answer = form(path, fields, csrf(page));
        if (answer.statusCode() != 302) {
            throw new AssertionError("console refused " + path + ": " + answer.statusCode() + "\n" + answer.body());
        }
    }

    private HttpResponse<String> form(String path, Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String csrf(String page) {
        Matcher m = HIDDEN_CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in page");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
