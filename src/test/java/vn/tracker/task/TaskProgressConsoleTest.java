package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tracker.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tracker.console.ConsoleTestClient;
import vn.tracker.support.IntegrationTest;

/**
 * Reporting progress from the task page (Công an tỉnh's reporter on a task it leads): Vietnamese
 * form messages on bad input, CONFLICT on a stale version, escaping of what was typed.
 */
@IntegrationTest
class TaskProgressConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    String page;
    String post;

    /** A task of its own (test province, led by Công an tỉnh), so the sample rows stay as imported. */
    @BeforeEach
    void ownTask() {
        Task task = fixtures.newTask("GL-CA", LocalDate.of(2030, 12, 31));
        page = "/tasks/" + task.getCode() + "?province=" + TestFixtures.PROVINCE;
        post = "/tasks/" + task.getCode() + "/progress?province=" + TestFixtures.PROVINCE;
    }

    @Test
    void reporterOfTheLeadAgencySeesTheFormOthersDoNot() {
        assertThat(ConsoleTestClient.signedIn(port, "ca-reporter").get(page).body()).contains("id=\"progress-form\"");
        assertThat(ConsoleTestClient.signedIn(port, "viewer").get(page).body()).doesNotContain("id=\"progress-form\"");
    }

    @Test
    void outOfRangeProgressIsAVietnameseFormMessageAndNothingChanges() {
        ConsoleTestClient reporter = ConsoleTestClient.signedIn(port, "ca-reporter");
        String before = reporter.get(page).body();
        HttpResponse<String> response = reporter.post(post, Map.of("status", "IN_PROGRESS", "progress", "120",
                "expectedVersion", version(before)));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Chưa lưu: vui lòng sửa các lỗi bên dưới.", "id=\"progress-error\"",
                "Phải từ 0 đến 100", "value=\"120\"");
        assertThat(version(reporter.get(page).body())).isEqualTo(version(before));
    }

    @Test
    void staleVersionIsShownAsAConflictMessage() {
        ConsoleTestClient reporter = ConsoleTestClient.signedIn(port, "ca-reporter");
        long stale = Long.parseLong(version(reporter.get(page).body())) - 1;
        HttpResponse<String> response = reporter.post(post, Map.of("status", "IN_PROGRESS", "progress", "10",
                "expectedVersion", String.valueOf(stale)));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"progress-problem\"", "đã bị người khác thay đổi");
    }

    @Test
    void reportIsRecordedAndWhatWasTypedIsShownEscaped() {
        ConsoleTestClient reporter = ConsoleTestClient.signedIn(port, "ca-reporter");
        HttpResponse<String> response = reporter.post(post, Map.of("status", "IN_PROGRESS", "progress", "40",
                "result", "<script>alert('x')</script> Đã tổng hợp hồ sơ",
                "expectedVersion", version(reporter.get(page).body())));
        assertThat(response.statusCode()).isEqualTo(302);
        String html = reporter.get(page).body();
        assertThat(html).contains("Đã ghi nhận báo cáo tiến độ.", "id=\"progress-history\"",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Đã tổng hợp hồ sơ")
                .doesNotContain("<script>alert(");
    }

    @Test
    void changeLogOnTheTaskPageShowsWhoChangedWhichFieldBeforeAndAfter() {
        ConsoleTestClient reporter = ConsoleTestClient.signedIn(port, "ca-reporter");
        assertThat(section(reporter.get(page).body(), "audit-trail")).contains("id=\"audit-table\""); // the creation
        reporter.post(post, Map.of("status", "IN_PROGRESS", "progress", "65", "result", "Đã có số liệu <b>quý</b>",
                "expectedVersion", version(reporter.get(page).body())));
        String audit = section(ConsoleTestClient.signedIn(port, "viewer").get(page).body(), "audit-trail");
        assertThat(audit).contains("ca-reporter", "<td>progress</td>", "<td>65</td>",
                "Đã có số liệu &lt;b&gt;quý&lt;/b&gt;").doesNotContain("<b>quý</b>");
    }

    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    static String version(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("name=\"expectedVersion\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("expectedVersion field").isTrue();
        return m.group(1);
    }
}
