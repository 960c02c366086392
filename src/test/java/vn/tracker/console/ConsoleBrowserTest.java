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
        wait(driver).until(d -> rows(d).size() == 2);
        assertThat(rows(driver)).extracting(r -> r.getAttribute("data-code"))
                .containsExactlyInAnyOrder("SEED-003-08", "SEED-003-09");
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

    private static org.openqa.selenium.support.ui.WebDriverWait wait(WebDriver driver) {
        return browser.waitUpTo(Duration.ofSeconds(10));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
