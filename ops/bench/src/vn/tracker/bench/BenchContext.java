package vn.tracker.bench;

import graphql.schema.GraphQLSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tracker.ops.SqlStatementTally;

/**
 * What an operation works with: the running product (HTTP on a local port, in this JVM), a plain
 * JDBC connection to the same database for baselines (not proxied, not pooled by the product),
 * the as-of date every derived answer uses, and the product's SQL statement tally.
 */
public final class BenchContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext app;
    private final String baseUrl;
    private final String token;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final LocalDate asOf;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    BenchContext(ConfigurableApplicationContext app, int port, String token, String jdbcUrl, String user,
            String password, LocalDate asOf) {
        this.app = app;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.token = token;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.asOf = asOf;
    }

    /** The as-of date of every derived answer in the run (fixed, so runs compare). */
    public LocalDate asOf() {
        return asOf;
    }

    public <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    /** The product's executable GraphQL schema: operations adapt their documents to what the API offers. */
    public GraphQLSchema schema() {
        return app.getBean(GraphQlSource.class).schema();
    }

    /** SQL statements the product has sent so far (all threads). */
    public long productStatements() {
        return app.getBean(SqlStatementTally.class).total();
    }

    private Connection baselineConnection;

    /**
     * The baselines' JDBC connection: one plain connection kept open for the whole run (the
     * product has its pool, so the baseline must not pay a connect per call either). Closing the
     * returned handle does nothing; it is closed when the run ends.
     */
    public Connection jdbc() throws SQLException {
        if (baselineConnection == null || baselineConnection.isClosed()) {
            baselineConnection = newConnection();
        }
        Connection target = baselineConnection;
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A new plain JDBC connection (bulk loading); the caller closes it. */
    public Connection newConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    void closeBaselineConnection() throws SQLException {
        if (baselineConnection != null) {
            baselineConnection.close();
        }
    }

    /**
     * POSTs a GraphQL document as the admin token; returns `data`, failing on any error. Sent with
     * {@code Cache-Control: no-cache}: the product's response cache would answer repeated requests
     * from memory, and the ratios must measure the work of answering, not a cache hit.
     */
    public JsonNode graphql(String document, Map<String, Object> variables) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Cache-Control", "no-cache").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || answer.has("errors") && !answer.get("errors").isEmpty()) {
            throw new IllegalStateException("GraphQL failed (" + response.statusCode() + "): "
                    + abbreviate(response.body()));
        }
        return answer.get("data");
    }

    /** GETs a product URL as the admin token; returns the body bytes, failing on a non-200. */
    public byte[] get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + response.statusCode() + ": "
                    + abbreviate(new String(response.body())));
        }
        return response.body();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Records a figure of the run (row counts, load speed) for the report. */
    public void record(String key, Object value) {
        facts.put(key, value);
    }

    Map<String, Object> facts() {
        return facts;
    }

    static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    /** Helper for operations: values of one field across a JSON array. */
    public static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(n -> n.get(field).asString()).toList();
    }
}
