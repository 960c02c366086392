package vn.tracker.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.task.Task;

/**
 * The console in a real headless Chromium against the running application: signing in, filtering
 * the list in place with the URL following, keyboard use, the task page and the chart.
 */
@IntegrationTest
class ConsoleBrowserTest {

    static HeadlessChromium browser;

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /**
     * The week this class closes: no other suite reads or closes it (they use 2026-W02, 2026-W10/11,
     * 2020 and 2001 weeks), and the test removes it again, with the built-in indicators' values it
     * recorded, so "changes since the previous closed review" elsewhere never sees it.
     */
    static final String CLOSED_AS_OF = "2025-12-17";
    static final String CLOSED_WEEK = "2025-W51";

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(test.getTestMethod().map(m -> m.getName()).orElse("test"));
    }

    @Test
    void signInThenFilterTheListInPlaceAndTheUrlFollows() {
        WebDriver driver = signedIn("tgv");
        driver.get(url("/tasks?asOf=2026-01-06&province=GL"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nhiệm vụ quá hạn / có nguy cơ chậm tiến độ");
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");

        WebElement agency = driver.findElement(By.id("f-agency"));
        agency.sendKeys("GL-CA");
        agency.sendKeys(Keys.ENTER);

        wait(driver).until(ExpectedConditions.urlContains("agency=GL-CA"));
        // Enter both submits and commits a change, so the region may be swapped twice: read the codes
        // in one script call (no element handle can go stale between the two swaps).
        wait(driver).until(d -> java.util.Set.of("SEED-003-08", "SEED-003-09").equals(new java.util.HashSet<>(
                (List<?>) ((JavascriptExecutor) d).executeScript("return Array.from(document.querySelectorAll("
                        + "'#task-table tr.task-row')).map(r => r.getAttribute('data-code'));"))));
        assertThat(driver.getCurrentUrl()).contains("asOf=2026-01-06");
        // Updated in place by htmx, not by a full page load.
        assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;")).isEqualTo(true);

        // The pushed URL reproduces the same list when opened afresh.
        String shared = driver.getCurrentUrl();
        driver.get(shared);
        assertThat(rows(driver)).hasSize(2);
    }

    @Test
    void annotateATaskFromItsRowAndTheRowChangesInPlace() {
        Task task = fixtures.newTask("GL-CA", java.time.LocalDate.of(2025, 12, 1));
        WebDriver driver = signedIn("tgv");
        driver.get(url("/tasks?asOf=2026-01-06&province=" + TestFixtures.PROVINCE + "&q=" + task.getCode()));
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");
        By row = By.cssSelector("tr.task-row[data-code='" + task.getCode() + "']");
        assertThat(driver.findElement(row).getText()).contains("Chưa giải trình lý do");

        driver.findElement(row).findElement(By.cssSelector("details.annotate summary")).click();
        new Select(driver.findElement(row).findElement(By.name("category"))).selectByValue("CENTRAL_DEPENDENCY");
        driver.findElement(row).findElement(By.name("text")).sendKeys("   ");
        driver.findElement(row).findElement(By.cssSelector(".annotation-form button")).click();
        // Refused by the server: the row's form shows the Vietnamese message, the choice kept.
        wait(driver).until(d -> d.findElement(row).getText().contains("Không được để trống"));
        assertThat(driver.findElement(row).getText()).contains("Chưa lưu: vui lòng sửa các lỗi bên dưới.");
        assertThat(new Select(driver.findElement(row).findElement(By.name("category")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("CENTRAL_DEPENDENCY");

        WebElement text = driver.findElement(row).findElement(By.name("text"));
        text.clear();
        text.sendKeys("Chờ Bộ Công an hướng dẫn <kết nối>");
        driver.findElement(row).findElement(By.name("blocking")).click();
        driver.findElement(row).findElement(By.cssSelector(".annotation-form button")).click();
        wait(driver).until(d -> d.findElement(row).findElements(By.cssSelector(".latest-annotation")).size() == 1);
        String shown = driver.findElement(row).findElement(By.cssSelector(".latest-annotation")).getText();
        assertThat(shown).contains("Điểm nghẽn", "Chờ Trung ương", "Chờ Bộ Công an hướng dẫn <kết nối>");
        assertThat(driver.findElement(row).getText()).doesNotContain("Chưa giải trình lý do", "Không được để trống");
        // In place, and the keyboard continues from the saved reason.
        assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(driver.switchTo().activeElement().getAttribute("class")).isEqualTo("latest-annotation");
        assertThat(driver.findElement(By.cssSelector("#health-counts a[data-health='OVERDUE'] .n")).getText())
                .isEqualTo("1");
    }

    @Test
    void closeAReviewThenDownloadTheAppendixXlsx() throws Exception {
        removeClosedWeek();
        try {
            WebDriver driver = signedIn("tgv");
            driver.get(url("/review?asOf=" + CLOSED_AS_OF));
            assertThat(driver.findElement(By.id("review-state")).getText()).contains("chưa chốt");
            driver.findElement(By.cssSelector("#close-review button")).click();
            wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("review-notice")));
            assertThat(driver.findElement(By.id("review-notice")).getText()).isEqualTo("Đã chốt giao ban tuần.");
            assertThat(driver.findElement(By.id("review-state")).getText()).contains("Đã chốt bởi tgv");
            assertThat(driver.findElements(By.id("close-review"))).isEmpty();
            String overdue = driver.findElement(By.cssSelector("#review-totals .health-OVERDUE .n")).getText();

            java.nio.file.Path file = HeadlessChromium.DOWNLOADS.resolve("giao-ban-tuan-" + CLOSED_WEEK + ".xlsx");
            java.nio.file.Files.deleteIfExists(file);
            driver.findElement(By.id("xlsx-download")).click();
            browser.downloaded(file.getFileName().toString(), Duration.ofSeconds(20));
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(file))) {
                var sheet = workbook.getSheetAt(0);
                List<String> header = null;
                int taskRows = 0;
                for (var row : sheet) {
                    List<String> cells = new java.util.ArrayList<>();
                    row.forEach(c -> cells.add(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c)));
                    if (header == null && !cells.isEmpty() && "STT".equals(cells.get(0))) {
                        header = cells;
                    } else if (header != null && cells.size() > 1 && cells.get(0).matches("\\d+")) {
                        taskRows++;
                    }
                }
                assertThat(header).containsExactly("STT", "Mã nhiệm vụ", "Nhiệm vụ cụ thể", "Văn bản giao nhiệm vụ",
                        "Thời hạn hoàn thành", "Trạng thái thực hiện", "Kết quả thực hiện", "Lý do / Ghi chú");
                assertThat(taskRows).isPositive().isGreaterThanOrEqualTo(Integer.parseInt(overdue));
            }
        } finally {
            removeClosedWeek();
        }
    }

    /** Removes this class's closed week and the built-in indicators' values recorded for it. */
    private void removeClosedWeek() {
        jdbc.update("delete from weekly_review_item where review_id in (select id from weekly_review where week = ?)",
                CLOSED_WEEK);
        jdbc.update("delete from weekly_review where week = ?", CLOSED_WEEK);
        String builtIn = "select o.id from observation o join indicator i on i.id = o.indicator_id"
                + " where i.built_in = true and o.period = ?";
        jdbc.update("delete from observation_revision where observation_id in (" + builtIn + ")", CLOSED_WEEK);
        jdbc.update("delete from observation where id in (" + builtIn + ")", CLOSED_WEEK);
    }

    @Test
    void phoneWidthHasNoSidewaysScrollAndTheNavigationWorks() {
        WebDriver driver = signedIn("tgv");
        try {
            browser.resize(390, 844);
            for (String page : List.of("/tasks?asOf=2026-01-06", "/tasks/SEED-003-09?province=GL&asOf=2026-01-06",
                    "/review?asOf=2026-01-06", "/review/import", "/")) {
                driver.get(url(page));
                assertNoSidewaysScroll(driver, page);
                browser.screenshot("phone" + page.replaceAll("[^A-Za-z0-9]+", "-"));
            }
            driver.get(url("/tasks?asOf=2026-01-06"));
            WebElement review = driver.findElement(By.cssSelector(".main-nav a[href='/review']"));
            assertThat(review.isDisplayed()).isTrue();
            review.click();
            wait(driver).until(ExpectedConditions.urlContains("/review"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Giao ban tuần");
        } finally {
            browser.resize(1280, 900);
        }
    }

    @Test
    void desktopWidthShowsTheListAsATableWithoutSidewaysScroll() {
        WebDriver driver = signedIn("viewer");
        browser.resize(1280, 900);
        for (String page : List.of("/tasks?asOf=2026-01-06", "/tasks/SEED-003-09?province=GL&asOf=2026-01-06",
                "/review?asOf=2026-01-06", "/indicators", "/")) {
            driver.get(url(page));
            assertNoSidewaysScroll(driver, page);
        }
        driver.get(url("/tasks?asOf=2026-01-06"));
        // At 1280 px the list is a real table: the column headers are visible.
        assertThat(driver.findElement(By.cssSelector("#task-table thead")).isDisplayed()).isTrue();
    }

    private static void assertNoSidewaysScroll(WebDriver driver, String page) {
        Object widths = ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        List<?> w = (List<?>) widths;
        assertThat(((Number) w.get(0)).longValue()).as("page width of " + page + " (window " + w.get(1) + ")")
                .isLessThanOrEqualTo(((Number) w.get(1)).longValue());
    }

    @Test
    void importAnAppendixWithBadRowsShowsEachRowsErrorAndImportsNothing() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("phu-luc-", ".xlsx");
        java.nio.file.Files.write(file, vn.tracker.review.AppendixImportConsoleTest.badAppendix(port));
        try {
            WebDriver driver = signedIn("tgv");
            driver.get(url("/review?asOf=2026-01-06"));
            driver.findElement(By.id("import-link")).click();
            wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("import-form")));
            ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");
            driver.findElement(By.id("i-file")).sendKeys(file.toAbsolutePath().toString());
            driver.findElement(By.id("i-province")).sendKeys("I5");
            driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
            wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("import-refused")));
            assertThat(driver.findElement(By.id("import-refused")).getText()).startsWith("Không nhập dòng nào: 3 lỗi");
            assertThat(driver.findElements(By.cssSelector("#import-errors tbody tr"))).hasSize(3);
            assertThat(driver.findElement(By.id("import-errors")).getText()).contains("Trạng thái không hợp lệ");
            assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;")).isEqualTo(true);
            // The upload reported its progress to the bar while it ran.
            assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('import-progress').value;")).intValue()).isPositive();
            assertThat(jdbc.queryForObject("select count(*) from task where province_code = 'I5'", Long.class)).isZero();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void signInPageUsesTheConsoleLayoutWithoutNavigationAndSwitchesLanguage() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(url("/login?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        assertThat(driver.findElements(By.cssSelector(".main-nav"))).isEmpty();
        driver.findElement(By.cssSelector("#language-switch a[lang='vi']")).click();
        wait(driver).until(d -> "Đăng nhập".equals(d.findElement(By.tagName("h1")).getText()));
        driver.findElement(By.name("username")).sendKeys("khong-co-tai-khoan-nay");
        driver.findElement(By.name("password")).sendKeys("sai-mat-khau");
        driver.findElement(By.cssSelector("#login-form button")).click();
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
        assertThat(driver.findElement(By.id("login-error")).getText()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        signedIn("admin");
        driver.findElement(By.cssSelector(".main-nav a[href='/admin/users']")).click();
        wait(driver).until(d -> d.findElement(By.tagName("h1")).getText().equals("Quản lý tài khoản"));
        assertThat(driver.findElement(By.id("user-ca-reporter")).getText()).contains("Cán bộ báo cáo của cơ quan");
    }

    @Test
    void countLinkSwitchesTheHealthShownAndTheFormFollows() {
        WebDriver driver = signedIn("viewer");
        driver.get(url("/tasks?asOf=2026-01-06"));
        driver.findElement(By.cssSelector("#health-counts a[data-health='DONE']")).click();
        wait(driver).until(ExpectedConditions.urlContains("health=DONE"));
        wait(driver).until(d -> d.findElement(By.id("f-health-DONE")).isSelected()
                && !d.findElement(By.id("f-health-OVERDUE")).isSelected());
        assertThat(rows(driver)).isNotEmpty().allSatisfy(r ->
                assertThat(r.findElement(By.cssSelector(".badge.health-DONE")).isDisplayed()).isTrue());
    }

    @Test
    void keyboardReachesTheSkipLinkFirstAndTheListWithoutAMouse() {
        WebDriver driver = signedIn("viewer");
        driver.get(url("/tasks?asOf=2026-01-06"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = driver.switchTo().activeElement();
        assertThat(first.getAttribute("class")).contains("skip-link");
        assertThat(first.isDisplayed()).isTrue();
        first.sendKeys(Keys.ENTER);
        wait(driver).until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));

        // Tab forward to the first task link and open it with Enter.
        WebElement active = driver.switchTo().activeElement();
        for (int i = 0; i < 60 && !"task-title".equals(active.getAttribute("class")); i++) {
            active.sendKeys(Keys.TAB);
            active = driver.switchTo().activeElement();
        }
        assertThat(active.getAttribute("class")).isEqualTo("task-title");
        active.sendKeys(Keys.ENTER);
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("task-health")));
        assertThat(driver.getCurrentUrl()).contains("/tasks/");
    }

    @Test
    void indicatorChartIsDrawnBesideTheSameNumbersInATable() {
        WebDriver driver = signedIn("viewer");
        driver.get(url("/indicators?indicator=TTHC_DIGITIZATION_RATE&agency=GL&periodType=YEAR&from=2023&to=2026"));
        wait(driver).until(d -> "true".equals(d.findElement(By.id("series-chart")).getAttribute("data-rendered")));
        assertThat(driver.findElement(By.id("series-table")).getText()).contains("2025", "88,21", "80");
    }

    private WebDriver signedIn(String user) {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        assertThat(driver.findElement(By.cssSelector(".who")).getText()).isEqualTo(user);
        return driver;
    }

    private static List<WebElement> rows(WebDriver driver) {
        return driver.findElements(By.cssSelector("#task-table tr.task-row"));
    }

    /** Waits up to 10 s; an element htmx swapped out mid-check is simply checked again. */
    private static org.openqa.selenium.support.ui.FluentWait<WebDriver> wait(WebDriver driver) {
        return browser.waitUpTo(Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
