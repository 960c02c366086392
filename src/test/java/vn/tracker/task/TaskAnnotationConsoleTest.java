package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tracker.console.ConsoleTestClient;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;

/**
 * Adding a reason from a row of /tasks over real HTTP (session cookie + CSRF): with htmx the row
 * comes back with the counts out of band; without JavaScript the browser returns to the same list;
 * bad input is a Vietnamese (or English) message in the row's form and saves nothing; only users
 * the API would let annotate see the form or may post it.
 */
@IntegrationTest
class TaskAnnotationConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlStatements sql;

    @Autowired
    HttpGraphQlTester graphQl;

    Task task;
    String list;
    /** The same list as the page shows it (the default health made explicit): the way back. */
    String shown;
    String post;

    /** An overdue task of its own (test province, led by Công an tỉnh), found by its code. */
    @BeforeEach
    void ownTask() {
        task = fixtures.newTask("GL-CA", LocalDate.of(2025, 12, 1));
        list = "/tasks?asOf=2026-01-06&province=" + TestFixtures.PROVINCE + "&q=" + task.getCode();
        shown = "/tasks?asOf=2026-01-06&province=" + TestFixtures.PROVINCE + "&health=OVERDUE&health=AT_RISK&q="
                + task.getCode();
        post = "/tasks/" + task.getCode() + "/annotations?province=" + TestFixtures.PROVINCE;
    }

    @Test
    void htmxAnswerIsTheUpdatedRowWithTheCountsOutOfBand() {
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        String page = tgv.get(list).body();
        assertThat(page).contains("data-code=\"" + task.getCode() + "\"", "Chưa giải trình lý do",
                "class=\"annotation-form\"", "name=\"back\" value=\"" + html(shown) + "\"");

        HttpResponse<String> response = tgv.htmxPost(post, form("DATA", "Chờ <b>dữ liệu</b> dân cư", true));
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).startsWith("<tr class=\"task-row\"").doesNotContain("<html", "<header");
        assertThat(body).contains("data-code=\"" + task.getCode() + "\"", "Chờ &lt;b&gt;dữ liệu&lt;/b&gt; dân cư",
                        "Điểm nghẽn", "data-autofocus=\"true\"")
                .doesNotContain("<b>dữ liệu</b>", "Chưa giải trình lý do");
        assertThat(body).contains("<template><ul class=\"counts\" id=\"health-counts\" hx-swap-oob=\"true\">");
        assertThat(count(body, "OVERDUE")).isEqualTo(1);
        assertThat(annotations()).isEqualTo(1);
        assertThat(tgv.get(list).body()).contains("Chờ &lt;b&gt;dữ liệu&lt;/b&gt; dân cư")
                .doesNotContain("Chưa giải trình lý do");
    }

    @Test
    void refusedInputIsAVietnameseMessageInTheRowsFormAndNothingIsSaved() {
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        tgv.get(list);
        HttpResponse<String> response = tgv.htmxPost(post, form("", "   ", false));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).startsWith("<tr class=\"task-row\"")
                .contains("Chưa lưu: vui lòng sửa các lỗi bên dưới.", "Không được để trống", "open=\"open\"",
                        "aria-invalid=\"true\"")
                .doesNotContain("must not be empty", "hx-swap-oob");

        response = tgv.htmxPost(post, form("NO_SUCH", "Lý do <i>thử</i>", false));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Không có nhóm lý do", "Lý do &lt;i&gt;thử&lt;/i&gt;</textarea>");
        assertThat(annotations()).isZero();
    }

    @Test
    void englishReadersGetTheEnglishMessage() {
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        tgv.get(list + "&lang=en");
        HttpResponse<String> response = tgv.htmxPost(post, form("DATA", "", false));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("must not be empty").doesNotContain("Không được để trống");
        assertThat(annotations()).isZero();
    }

    @Test
    void withoutJavaScriptThePostReturnsToTheSameListUrl() {
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        tgv.get(list);
        HttpResponse<String> saved = tgv.post(post, form("RESOURCES", "Chưa bố trí kinh phí", false));
        assertThat(saved.statusCode()).isEqualTo(302);
        String back = saved.headers().firstValue("Location").orElseThrow();
        assertThat(back).endsWith(shown);
        String page = tgv.get(back.substring(back.indexOf("/tasks"))).body();
        assertThat(page).contains("Đã lưu lý do.", "Chưa bố trí kinh phí");
        assertThat(annotations()).isEqualTo(1);

        HttpResponse<String> refused = tgv.post(post, form("RESOURCES", "", false));
        assertThat(refused.statusCode()).isEqualTo(302);
        String location = refused.headers().firstValue("Location").orElseThrow();
        String again = tgv.get(location.substring(location.indexOf("/tasks"))).body();
        assertThat(again).contains("Chưa lưu: vui lòng sửa các lỗi bên dưới.", "Không được để trống", "open=\"open\"");
        assertThat(annotations()).isEqualTo(1);
    }

    @Test
    void onlyThoseWhoMayAnnotateSeeTheFormAndMayPostIt() {
        ConsoleTestClient viewer = ConsoleTestClient.signedIn(port, "viewer");
        assertThat(viewer.get(list).body()).contains("data-code=\"" + task.getCode() + "\"")
                .doesNotContain("class=\"annotation-form\"");
        assertThat(viewer.htmxPost(post, form("DATA", "Không được lưu", false)).statusCode()).isEqualTo(403);

        // Công an tỉnh's reporter annotates its own tasks, not another agency's.
        ConsoleTestClient reporter = ConsoleTestClient.signedIn(port, "ca-reporter");
        assertThat(reporter.get(list).body()).contains("class=\"annotation-form\"");
        Task other = fixtures.newTask("GL-SNV", LocalDate.of(2025, 12, 1));
        String otherList = "/tasks?asOf=2026-01-06&province=" + TestFixtures.PROVINCE + "&q=" + other.getCode();
        assertThat(reporter.get(otherList).body()).contains("data-code=\"" + other.getCode() + "\"")
                .doesNotContain("class=\"annotation-form\"");
        assertThat(reporter.htmxPost("/tasks/" + other.getCode() + "/annotations?province=" + TestFixtures.PROVINCE,
                form("DATA", "Không được lưu", false)).statusCode()).isEqualTo(403);
        assertThat(annotations()).isZero();
        assertThat(reporter.htmxPost(post, form("DATA", "Chờ dữ liệu", false)).statusCode()).isEqualTo(200);
        assertThat(annotations()).isEqualTo(1);
    }

    @Test
    void aLinkOutsideTheListIsRefused() {
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        tgv.get(list);
        Map<String, String> body = form("DATA", "Chờ dữ liệu", false);
        body.put("back", "https://example.org/tasks?asOf=2026-01-06");
        assertThat(tgv.post(post, body).statusCode()).isEqualTo(400);
        assertThat(annotations()).isZero();
    }

    @Test
    void listRowsWithLatestReasonsCostTheSameStatementsForOneRowOrAPage() {
        // 21 overdue tasks of this test, each with a reason, found by their shared code prefix.
        String prefix = TestFixtures.uniqueCode("T5");
        for (int i = 0; i <= 20; i++) {
            fixtures.newTask(String.format("%s-%02d", prefix, i), i % 2 == 0 ? "GL-CA" : "GL-SNV",
                    LocalDate.of(2025, 12, 1));
        }
        jdbc.update("insert into annotation (task_id, category_id, text, blocking, raises_risk, resolved, created_by,"
                + " version, created_at, updated_at) select t.id, (select min(id) from reason_category), 'Lý do đếm',"
                + " false, false, false, 'test', 0, current_timestamp, current_timestamp from task t"
                + " where t.code like ?", prefix + "-%");
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        String all = "/tasks?asOf=2026-01-06&province=" + TestFixtures.PROVINCE + "&q=" + prefix;
        String one = all + "-07";
        tgv.get(all);
        tgv.get(one);
        long page = sql.during(() -> assertThat(TaskListConsoleTest.rowCount(tgv.get(all).body())).isEqualTo(20));
        long single = sql.during(() -> assertThat(TaskListConsoleTest.rowCount(tgv.get(one).body())).isEqualTo(1));
        assertThat(page).isEqualTo(single);
    }

    @Test
    void taskPageShowsEachEarlierWordingOfAnEditedReasonEscaped() {
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        tgv.get(list);
        assertThat(tgv.htmxPost(post, form("DATA", "Chờ <b>dữ liệu</b> lần 1", true)).statusCode()).isEqualTo(200);
        String id = String.valueOf(jdbc.queryForObject("select id from annotation where task_id = ?", Long.class,
                task.getId()));
        HttpGraphQlTester admin = TestTokens.asAdmin(graphQl);
        for (String[] edit : new String[][] {{"COORDINATION", "Chờ phối hợp lần 2", "0"}, {"VENDOR", "Chờ nhà cung cấp lần 3", "1"}}) {
            admin.document("mutation($id: ID!, $c: String, $t: String, $v: Long) { editAnnotation(id: $id, "
                            + "category: $c, text: $t, blocking: false, expectedVersion: $v) { errors { code } } }")
                    .variable("id", id).variable("c", edit[0]).variable("t", edit[1]).variable("v", Long.valueOf(edit[2]))
                    .execute().path("editAnnotation.errors").entityList(Object.class).hasSize(0);
        }
        String page = TaskProgressConsoleTest.section(ConsoleTestClient.signedIn(port, "viewer")
                .get("/tasks/" + task.getCode() + "?province=" + TestFixtures.PROVINCE + "&asOf=2026-01-06").body(),
                "annotations");
        assertThat(page).contains("Chờ nhà cung cấp lần 3", "id=\"annotation-history-" + id + "\"",
                "Lịch sử sửa (2 lần)", "Chờ phối hợp lần 2", "Phối hợp", "Chờ &lt;b&gt;dữ liệu&lt;/b&gt; lần 1",
                "Dữ liệu", "Điểm nghẽn").doesNotContain("<b>dữ liệu</b>");
        // Newest earlier wording first: what changed last is read first.
        assertThat(page.indexOf("Chờ phối hợp lần 2")).isLessThan(page.indexOf("Chờ &lt;b&gt;dữ liệu&lt;/b&gt; lần 1"));
    }

    private long annotations() {
        return jdbc.queryForObject("select count(*) from annotation where task_id = ?", Long.class, task.getId());
    }

    private Map<String, String> form(String category, String text, boolean blocking) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("category", category);
        form.put("text", text);
        if (blocking) {
            form.put("blocking", "true");
        }
        form.put("back", list);
        return form;
    }

    /** The number shown for one health in the counts list. */
    private static int count(String html, String health) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-health=\"" + health
                + "\">\\s*<span class=\"n\">(\\d+)</span>").matcher(html);
        assertThat(m.find()).as("count of " + health).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String html(String s) {
        return s.replace("&", "&amp;");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
