package vn.tracker.console;

import java.io.IOException;
import java.net.CookieManager;
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

/**
 * A browser-like HTTP client for console tests over real HTTP: keeps the session cookie, signs in
 * through the login form and sends the CSRF token the pages carry, exactly as a user agent would.
 */
public final class ConsoleTestClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private ConsoleTestClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static ConsoleTestClient anonymous(int port) {
        return new ConsoleTestClient(port);
    }

    public static ConsoleTestClient signedIn(int port, String username) {
        ConsoleTestClient client = new ConsoleTestClient(port);
        client.get("/login");
        HttpResponse<String> response = client.post("/login", Map.of("username", username, "password", "demo"));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + response.statusCode());
        }
        return client;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    /** A request as htmx sends it (HX-Request and the target element's id), expecting a fragment back. */
    public HttpResponse<String> htmxGet(String path, String targetId) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
                .header("HX-Target", targetId).GET(), false);
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, false);
    }

    public HttpResponse<String> htmxPost(String path, Map<String, String> form) {
        return post(path, form, true);
    }

    /** A multipart form with one file, as a browser (or htmx with hx-encoding) uploads it. */
    public HttpResponse<String> postFile(String path, Map<String, String> fields, String fileField, String fileName,
            byte[] content, boolean htmx) {
        String boundary = "----tracker-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return send(request, true);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, boolean htmx) {
        Map<String, String> body = new LinkedHashMap<>(form);
        if (csrf != null) {
            body.putIfAbsent("_csrf", csrf);
        }
        String encoded = body.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return send(request, true);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean write) {
        try {
            // What a browser asks for: HTML first (error pages then render as HTML too).
            request.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
