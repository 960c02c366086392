package vn.tracker.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.SqlStatements;

/** The overview page and the layout around every console page, over real HTTP. */
@IntegrationTest
class OverviewConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    SqlStatements sql;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keyIndicatorsCostAFewStatementsWhateverTheirNumber() {
        ConsoleTestClient client = ConsoleTestClient.signedIn(port, "viewer");
        client.get("/?asOf=2026-01-06"); // series computed and cached
        // Key indicators: those with a province-wide target (IndicatorService.keyIndicatorTargets).
        long keyIndicators = jdbc.queryForObject("select count(distinct indicator_id) from target where agency_id is null",
                Long.class);
        long statements = sql.during(() -> assertThat(client.get("/?asOf=2026-01-06").statusCode()).isEqualTo(200));
        // Was two per key indicator (agency tree stamp + cache generation, one series at a time).
        assertThat(keyIndicators).isGreaterThan(5);
        assertThat(statements).isLessThan(keyIndicators).isLessThanOrEqualTo(12);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        HttpResponse<String> response = ConsoleTestClient.anonymous(port).get("/?asOf=2026-01-06");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void overviewShowsTasksByHealthAsOfTheGivenDateInVietnamese() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "tgv").get("/?asOf=2026-01-06");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/html").containsIgnoringCase("utf-8"));
        String html = response.body();
        assertThat(html).contains("<html lang=\"vi\"", "Tổng quan chương trình",
                "Nhiệm vụ theo tình trạng, tính đến ngày 06/01/2026",
                "href=\"/tasks?health=OVERDUE&amp;asOf=2026-01-06\"", "Quá hạn",
                "Mô hình điểm theo trạng thái", "Đang triển khai",
                "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính");
    }

    @Test
    void languageSwitchGivesEnglishAndIsRemembered() {
        ConsoleTestClient client = ConsoleTestClient.signedIn(port, "viewer");
        String english = client.get("/?asOf=2026-01-06&lang=en").body();
        assertThat(english).contains("<html lang=\"en\"", "Programme overview", "Tasks by health as of 2026-01-06",
                "href=\"/?asOf=2026-01-06&amp;lang=vi\"");
        assertThat(client.get("/?asOf=2026-01-06").body()).contains("Programme overview");
        assertThat(client.get("/?lang=vi").body()).contains("Tổng quan chương trình");
    }

    @Test
    void unknownPagesAnswer404WithoutInternals() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "tgv").get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Không tìm thấy").doesNotContain("Exception", "at vn.tracker");
    }
}
