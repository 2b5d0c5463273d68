package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import io.cointrader.testing.LiveAccountStory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run}
 * installs): Korean labels, live numbers, the kill switch pressed and confirmed, holdings the trader does
 * not manage and dust apart, and screenshots kept in target/screenshots.
 */
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    private DashboardProcess web;
    private WebDriver browser;

    @BeforeEach
    void open() throws Exception {
        assertThat(CHROMIUM)
                .as("Chromium is needed for this test: apt-get install chromium chromium-driver (.ci/run does)")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("ChromeDriver: apt-get install chromium-driver")
                .isExecutable();
        browser = chromium(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.stop();
        }
    }

    @Test
    void showsLiveNumbersInKoreanAndTheKillSwitchTakesEffectAfterConfirmation() throws Exception {
        web = DashboardProcess.start(dir, Map.of());
        WebDriverWait wait = load();

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("ko");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("킬 스위치", "모의투자");
        JsonNode pnl = web.getJson("/api/pnl");
        String equity = new BigDecimal(pnl.path("equity").asText())
                .setScale(0, RoundingMode.HALF_UP)
                .toPlainString();
        assertThat(digits(browser.findElement(By.id("equity")).getText())).contains(equity);
        assertThat(browser.findElements(By.cssSelector("#orders-table tbody tr")))
                .hasSizeGreaterThan(5);
        assertThat(browser.findElements(By.cssSelector("#price-chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("external-box")).isDisplayed())
                .as("a paper account holds nothing the trader did not buy")
                .isFalse();
        assertThat(browser.findElement(By.id("kill-switch-state")).getText()).contains("비활성");
        assertThat(browser.findElement(By.id("mode-banner")).getDomAttribute("data-mode"))
                .isEqualTo("paper");

        browser.findElement(By.id("kill-switch-button")).click();
        WebElement ok = wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok")));
        assertThat(Files.exists(dir.resolve("RUN/kill_switch")))
                .as("nothing happens before the confirmation")
                .isFalse();
        ok.click();

        wait.until(d -> "true".equals(d.findElement(By.id("kill-switch-state")).getDomAttribute("data-active")));
        assertThat(browser.findElement(By.id("kill-switch-state")).getText()).doesNotContain("비활성");
        assertThat(Files.exists(dir.resolve("RUN/kill_switch"))).isTrue();
        assertThat(web.getJson("/api/status").path("kill_switch").path("active").asBoolean())
                .isTrue();
        saveScreenshot("dashboard.png");

        browser.findElement(By.id("lang-toggle")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Kill switch");
        saveScreenshot("dashboard-en.png");

        assertNoSevereConsoleErrors();
    }

    @Test
    void showsHoldingsTheTraderDoesNotManageAndDustApartAndWhyOrdersAreCancelled() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        try (StateStore store = SqliteStateStore.open(dir.resolve("data/coin_trader.db"))) {
            LiveAccountStory.tell(store);
        }
        web = DashboardProcess.over(
                dir, Map.of("TRADING_SYMBOLS", "BTC/KRW,ETH/KRW,XRP/KRW"), "--mode", "live", "--exchange", "upbit");
        WebDriverWait wait = load();

        assertThat(browser.findElement(By.id("mode-banner")).getDomAttribute("data-mode"))
                .isEqualTo("live");
        WebElement external = browser.findElement(By.id("external-box"));
        assertThat(external.isDisplayed()).isTrue();
        assertThat(external.getText()).contains("트레이더가 관리하지 않는 보유", "시세 없음");
        assertThat(columnOf("external-table", 0)).containsExactly("BTC", "DOGE", "ETH");
        assertThat(columnOf("external-table", 1)).containsExactly("0.01", "100", "0.3");
        assertThat(columnOf("external-table", 3)).containsExactly("970,000", "시세 없음", "1,200,000");
        WebElement dust = browser.findElement(By.id("dust-box"));
        assertThat(dust.isDisplayed()).isTrue();
        assertThat(dust.getText()).contains("소액(더스트)");
        assertThat(columnOf("dust-table", 0)).containsExactly("XRP/KRW");
        assertThat(columnOf("positions-table", 0)).containsExactly("BTC/KRW");
        assertThat(browser.findElement(By.id("open-orders-table")).getText())
                .contains(LiveAccountStory.CANCEL_REQUESTED);
        assertThat(browser.findElement(By.id("orders-table")).getText()).contains(LiveAccountStory.TIMEOUT_REASON);
        saveScreenshot("dashboard-live.png");

        browser.findElement(By.id("lang-toggle")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(browser.findElement(By.id("external-box")).getText())
                .contains("Not managed by the trader", "no price");
        assertThat(browser.findElement(By.id("dust-box")).getText()).contains("Dust");
        saveScreenshot("dashboard-live-en.png");

        assertNoSevereConsoleErrors();
    }

    private WebDriverWait load() {
        browser.get(web.baseUrl);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        return wait;
    }

    /** The texts of one column of a table's body. */
    private List<String> columnOf(String tableId, int column) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(column).getText())
                .toList();
    }

    private void assertNoSevereConsoleErrors() {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe)
                .as("browser console errors (CSP violations, script errors)")
                .isEmpty();
    }

    private void saveScreenshot(String name) throws Exception {
        Path target = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(target);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(target.resolve(name), png);
        assertThat(png.length).isGreaterThan(10_000);
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--lang=ko-KR",
                "--window-size=1400,2200",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
