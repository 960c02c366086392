package vn.tracker.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through /usr/bin/chromedriver (never a downloaded browser).
 * Without chromium the browser tests are skipped with a message, unless -Dbrowser.required=true
 * (CI), which turns the absence into a failure. Screenshots go to target/browser-screenshots/.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** Where downloads land (the XLSX appendix), a build artifact like the screenshots. */
    static final Path DOWNLOADS = Path.of("target", "browser-downloads");

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static HeadlessChromium start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            if (Boolean.getBoolean("browser.required")) {
                Assertions.fail(message + "; -Dbrowser.required=true");
            }
            Assumptions.abort(message + "; skipped (run with -Dbrowser.required=true to fail instead)");
        }
        Path profile = Files.createTempDirectory("tracker-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=vi",
                "--user-data-dir=" + profile.toAbsolutePath());
        Files.createDirectories(DOWNLOADS);
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", DOWNLOADS.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // Headless Chromium saves downloads only when told where, through the DevTools protocol.
        driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", DOWNLOADS.toAbsolutePath().toString()));
        return new HeadlessChromium(driver, profile);
    }

    WebDriver driver() {
        return driver;
    }

    /** Waits until the browser has finished saving a download with that file name, and returns it. */
    Path downloaded(String fileName, Duration timeout) {
        Path file = DOWNLOADS.resolve(fileName);
        waitUpTo(timeout).until(d -> Files.isRegularFile(file)
                && !Files.exists(DOWNLOADS.resolve(fileName + ".crdownload")));
        return file;
    }

    /** Resizes the window (phone or desktop width) for layout checks. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    WebDriverWait waitUpTo(Duration duration) {
        return new WebDriverWait(driver, duration);
    }

    /** Saves a PNG of the current page as a build artifact (never committed: target/ is ignored). */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + name + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
