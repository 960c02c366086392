package vn.tracker.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import vn.tracker.console.ConsoleTestClient;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/**
 * The appendix import page over real HTTP (session, CSRF, multipart): the working group uploads an
 * XLSX; a file with bad rows imports nothing and lists every bad row in the reader's language; a good
 * file is imported (into this test's own province I5, removed again afterwards).
 */
@IntegrationTest
public class AppendixImportConsoleTest {

    /** This test's province: no other suite reads or counts it. */
    static final String PROVINCE = "I5";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeImportedTasks() {
        String tasks = "(select id from task where province_code = '" + PROVINCE + "')";
        for (String table : new String[] {"annotation_revision", "annotation", "progress_report", "evidence",
                "task_coordinator", "task_assignee"}) {
            if (table.equals("annotation_revision")) {
                jdbc.update("delete from annotation_revision where annotation_id in (select id from annotation"
                        + " where task_id in " + tasks + ")");
            } else {
                jdbc.update("delete from " + table + " where task_id in " + tasks);
            }
        }
        jdbc.update("delete from task where province_code = ?", PROVINCE);
    }

    @Test
    void pageIsForTheWorkingGroupWithAnUploadProgressBar() {
        HttpResponse<String> page = ConsoleTestClient.signedIn(port, "tgv").get("/review/import");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nhập phụ lục nhiệm vụ (XLSX)", "enctype=\"multipart/form-data\"",
                "hx-encoding=\"multipart/form-data\"", "id=\"import-progress\"", "hx-indicator=");
        assertThat(ConsoleTestClient.signedIn(port, "viewer").get("/review/import").statusCode()).isEqualTo(403);
        assertThat(ConsoleTestClient.signedIn(port, "ca-reporter").postFile("/review/import", Map.of("province", PROVINCE),
                "file", "phu-luc.xlsx", new byte[] {1}, true).statusCode()).isEqualTo(403);
    }

    @Test
    void badRowsAreListedInVietnameseOrEnglishAndNothingIsImported() throws Exception {
        byte[] bad = badAppendix(port);
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        tgv.get("/review/import");
        HttpResponse<String> answer = tgv.postFile("/review/import", Map.of("province", PROVINCE), "file",
                "phu-luc.xlsx", bad, true);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).startsWith("<section id=\"import-result\"").doesNotContain("<html")
                .contains("Không nhập dòng nào: 3 lỗi", "id=\"import-errors\"", "Trạng thái thực hiện",
                        "Trạng thái không hợp lệ: &#39;Đang làm dở&#39;", "Không tìm thấy văn bản &#39;999/KH-KHONGCO&#39;",
                        "Thời hạn hoàn thành")
                .doesNotContain("unknown status");
        assertThat(tasksInProvince()).isZero();

        tgv.get("/review/import?lang=en");
        String english = tgv.postFile("/review/import", Map.of("province", PROVINCE), "file", "phu-luc.xlsx", bad, true)
                .body();
        assertThat(english).contains("Nothing imported: 3 errors", "unknown status").doesNotContain("Không nhập dòng nào");

        HttpResponse<String> notXlsx = tgv.postFile("/review/import", Map.of("province", PROVINCE), "file", "x.xlsx",
                "không phải excel".getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        assertThat(notXlsx.statusCode()).isEqualTo(422);
        assertThat(notXlsx.body()).contains("id=\"import-problem\"").doesNotContain("Exception", "at org.");
        assertThat(tasksInProvince()).isZero();
    }

    @Test
    void aGoodFileIsImportedAndWithoutJavaScriptTheAnswerIsTheWholePage() throws Exception {
        byte[] good = appendix(port);
        ConsoleTestClient tgv = ConsoleTestClient.signedIn(port, "tgv");
        tgv.get("/review/import");
        HttpResponse<String> answer = tgv.postFile("/review/import", Map.of("province", PROVINCE), "file",
                "phu-luc.xlsx", good, false);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<html", "id=\"import-done\"", "vào tỉnh I5", "30 nhiệm vụ mới");
        assertThat(tasksInProvince()).isEqualTo(30);
    }

    private long tasksInProvince() {
        return jdbc.queryForObject("select count(*) from task where province_code = ?", Long.class, PROVINCE);
    }

    /** The Gia Lai appendix as the API exports it (30 tasks). */
    public static byte[] appendix(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.ADMIN).build()
                .get().uri("/api/appendix/tasks.xlsx?province=GL&asOf=2026-01-06").exchange((req, res) -> {
                    assertThat(res.getStatusCode()).isEqualTo(HttpStatus.OK);
                    return res.getBody().readAllBytes();
                });
    }

    /** The same with three bad rows: an unknown status, an unknown directive, a deadline that is no date. */
    public static byte[] badAppendix(int port) throws Exception {
        byte[] badStatus = AppendixTest.edit(appendix(port), "SEED-003-09", 5, "Đang làm dở");
        byte[] badDirective = AppendixTest.edit(badStatus, "SEED-003-08", 3, "999/KH-KHONGCO");
        return AppendixTest.edit(badDirective, "SEED-003-07", 4, "ngày mai");
    }
}
