package dev.boxauth.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, through its chromedriver: a real browser for the sign-in test. CI installs
 * both (.ci/run); elsewhere the test is skipped when they are missing.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static HeadlessChromium start() throws Exception {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver: .ci/run installs them");
        }
        assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        // Selenium warns that it has no DevTools bindings for this Chromium version; the test does not use them.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        Path profile = Files.createTempDirectory("box-auth-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // This machine has no network beyond loopback: keep Chromium from reaching out on its own.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // Elements of a page still loading after a click are waited for rather than missed.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return new HeadlessChromium(driver, profile);
    }

    void open(String url) {
        driver.get(url);
    }

    void click(String cssSelector) {
        driver.findElement(By.cssSelector(cssSelector)).click();
    }

    /** Clicks the button (or submit input) showing this text. */
    void clickButton(String text) {
        driver.findElement(By.xpath("//button[normalize-space(.)='" + text + "'] | //input[@type='submit' and @value='"
                + text + "']")).click();
    }

    /**
     * Waits until the browser is at a URL starting with {@code prefix} and returns it: a click on a link or
     * a form starts a navigation that the click does not wait for.
     */
    String awaitUrl(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(prefix));
        return driver.getCurrentUrl();
    }

    String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    /** The page's text as a person sees it: the rendered text of its body, tags and hidden parts left out. */
    String visibleText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The title a person sees on the browser tab. */
    String title() {
        return driver.getTitle();
    }

    /** Saves what the browser window shows to {@code file}, as PNG, and returns that file. */
    Path screenshot(Path file) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    Set<String> cookieNames() {
        return driver.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toSet());
    }

    @Override
    public void close() throws java.io.IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
