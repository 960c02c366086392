package vn.tracker.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tracker.console.ConsoleTestClient;
import vn.tracker.support.IntegrationTest;

/** The weekly review page over real HTTP: the grouped list, closing a week, the XLSX appendix. */
@IntegrationTest
class ReviewConsoleTest {

    /** A week no other test closes, far before the sample data, so closing it disturbs nothing. */
    static final String QUIET_WEEK = "2020-01-08";

    @LocalServerPort
    int port;

    @Test
    void reviewGroupsTheWeeksRedAndAmberTasksByAgency() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "tgv").get("/review?asOf=2026-01-06");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Giao ban tuần 2026-W02, tính đến ngày 06/01/2026",
                "id=\"agency-GL-CA\"", "data-code=\"SEED-003-09\"", "Chưa giải trình lý do",
                "href=\"/review/appendix.xlsx?asOf=2026-01-06\"");
    }

    @Test
    void appendixDownloadsAsXlsx() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "viewer")
                .get("/review/appendix.xlsx?asOf=2026-01-06");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).contains("spreadsheetml"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("giao-ban-tuan-2026-W02.xlsx"));
        assertThat(response.body()).startsWith("PK");
    }

    @Test
    void workingGroupSeesTheCloseButtonForAnOpenWeek() {
        // Closing itself is not exercised here: a closed review records observations of the built-in
        // review indicators in the shared test database, which other suites count exactly.
        String page = ConsoleTestClient.signedIn(port, "tgv").get("/review?asOf=" + QUIET_WEEK).body();
        assertThat(page).contains("id=\"close-review\"", "name=\"asOf\" value=\"2020-01-08\"",
                "Số liệu tính trực tiếp, tuần này chưa chốt.");
    }

    @Test
    void viewersSeeNoCloseButtonAndCannotClose() {
        ConsoleTestClient viewer = ConsoleTestClient.signedIn(port, "viewer");
        assertThat(viewer.get("/review?asOf=2026-01-06").body()).doesNotContain("id=\"close-review\"");
        assertThat(viewer.post("/review/close", Map.of("asOf", "2020-01-15")).statusCode()).isEqualTo(403);
    }
}
