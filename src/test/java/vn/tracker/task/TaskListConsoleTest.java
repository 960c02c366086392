package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tracker.console.ConsoleTestClient;
import vn.tracker.support.IntegrationTest;

/** The at-risk list at /tasks over real HTTP: filters from the URL, htmx fragments, errors. */
@IntegrationTest
class TaskListConsoleTest {

    @LocalServerPort
    int port;

    @Test
    void linkReproducesTheListOfOneAgencysOverdueTasks() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "tgv")
                .get("/tasks?health=OVERDUE&asOf=2026-01-06&agency=GL-CA&province=GL");
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html).contains("Nhiệm vụ quá hạn / có nguy cơ chậm tiến độ", "data-code=\"SEED-003-09\"",
                "Công an tỉnh Gia Lai", "Quá hạn 6 ngày", "Chưa giải trình lý do",
                "value=\"GL-CA\"", "value=\"2026-01-06\"");
        assertThat(html).contains("data-code=\"SEED-003-08\"").doesNotContain("data-code=\"SEED-004-05\"");
        assertThat(rowCount(html)).isEqualTo(2);
    }

    @Test
    void bareListShowsOverdueAndAtRiskAsOfTheGivenDateWithCountsPerHealth() {
        String html = ConsoleTestClient.signedIn(port, "viewer").get("/tasks?asOf=2026-01-06").body();
        assertThat(html).contains("id=\"health-counts\"", "data-health=\"OVERDUE\"", "data-code=\"SEED-004-05\"",
                "href=\"/tasks?asOf=2026-01-06&amp;health=DONE\"");
        assertThat(html).contains("<input type=\"checkbox\" name=\"health\" id=\"f-health-OVERDUE\" value=\"OVERDUE\" checked=\"checked\">");
        assertThat(html).doesNotContain("data-code=\"470_TBKL_NQ57\""); // completed: not in the at-risk list
    }

    @Test
    void freeTextSearchIgnoresAccents() {
        String html = ConsoleTestClient.signedIn(port, "viewer")
                .get("/tasks?asOf=2026-01-06&health=OVERDUE&q=lam+sach+du+lieu+hon+nhan").body();
        assertThat(html).contains("data-code=\"SEED-004-05\"");
        assertThat(rowCount(html)).isEqualTo(1);
    }

    @Test
    void htmxRequestGetsOnlyTheResultsRegionWithTheLanguageLinksOutOfBand() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "viewer")
                .htmxGet("/tasks?asOf=2026-01-06&province=GL&health=OVERDUE&agency=GL-CA", "results");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Vary").toString()).contains("HX-Request");
        String html = response.body();
        assertThat(html).startsWith("<section id=\"results\"").doesNotContain("<html", "<header");
        assertThat(html).contains("data-code=\"SEED-003-09\"", "id=\"language-switch\"", "hx-swap-oob=\"true\"",
                "href=\"/tasks?asOf=2026-01-06&amp;province=GL&amp;health=OVERDUE&amp;agency=GL-CA&amp;lang=en\"");
    }

    @Test
    void malformedDateIsABadRequestPageNotAStackTrace() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "viewer").get("/tasks?asOf=06-01-2026");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Exception", "at org.");
    }

    @Test
    void taskPageShowsHealthWithReasonsAndFields() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "viewer")
                .get("/tasks/SEED-003-09?province=GL&asOf=2026-01-06");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"task-health\"", "Quá hạn", "Quá hạn 6 ngày",
                "Công an tỉnh Gia Lai", "SEED-KH-HNSK-2025", "Chưa triển khai", "Lịch sử báo cáo tiến độ");
    }

    @Test
    void unknownTaskIsA404Page() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "viewer").get("/tasks/NO-SUCH-TASK");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Không tìm thấy");
    }

    @Test
    void pagesFollowEachOtherThroughTheNextLink() {
        ConsoleTestClient client = ConsoleTestClient.signedIn(port, "viewer");
        String all = "/tasks?asOf=2026-01-06&province=GL&health=OVERDUE&health=AT_RISK&health=ON_TRACK&health=DONE&sort=code";
        String first = client.get(all).body();
        assertThat(rowCount(first)).isEqualTo(20);
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = client.get(next.group(1).replace("&amp;", "&")).body();
        assertThat(second).contains("Nhiệm vụ 21–");
        java.util.Set<String> codes = new java.util.HashSet<>(codes(first));
        assertThat(codes(second)).isNotEmpty().noneMatch(codes::contains);
    }

    static java.util.List<String> codes(String html) {
        java.util.List<String> found = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"task-row\" id=\"[^\"]+\" data-code=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static int rowCount(String html) {
        return html.split("class=\"task-row\"", -1).length - 1;
    }
}
