package vn.tracker.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tracker.console.ConsoleTestClient;
import vn.tracker.support.IntegrationTest;

/** The indicators page and its CSV download with a console session, over real HTTP. */
@IntegrationTest
class IndicatorConsoleTest {

    @LocalServerPort
    int port;

    @Test
    void pageShowsTheSeriesAsATableAndChartDataWithTheTarget() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "viewer")
                .get("/indicators?indicator=TTHC_DIGITIZATION_RATE&agency=GL&periodType=YEAR&from=2024&to=2025&asOf=2026-01-06");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"series-table\"", "<td>2025</td>", "<td class=\"num\">88,21</td>",
                "<td class=\"num\">80</td>", "id=\"series-chart\"", "&quot;target&quot;:[80,80]",
                "href=\"/indicators/series.csv?indicator=TTHC_DIGITIZATION_RATE&amp;agency=GL&amp;periodType=YEAR&amp;from=2024&amp;to=2025&amp;asOf=2026-01-06\"");
    }

    @Test
    void csvDownloadWorksWithTheConsoleSession() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "viewer")
                .get("/indicators/series.csv?indicator=TTHC_DIGITIZATION_RATE&agency=GL&periodType=YEAR&from=2024&to=2025&asOf=2026-01-06");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.body()).contains("TTHC_DIGITIZATION_RATE,GL,Tỉnh Gia Lai,2025,2025-01-01,2025-12-31,88.21,,,80,8.21,true");
    }

    @Test
    void badPeriodIsShownAsAFormMessage() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "viewer")
                .get("/indicators?indicator=TTHC_DIGITIZATION_RATE&agency=GL&periodType=YEAR&from=20x5&to=2025");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("class=\"form-message error\"").doesNotContain("Exception");
    }

    @Test
    void unknownIndicatorIsA404Page() {
        HttpResponse<String> response = ConsoleTestClient.signedIn(port, "viewer").get("/indicators?indicator=NOPE");
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
