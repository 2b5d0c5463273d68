package io.cointrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report of a realistic run opened from disk in headless Chromium (Debian's chromium and
 * chromium-driver): no console error (a CSP violation would be one), every chart drawn, the fills
 * drawn in red and blue, and a screenshot kept in the screenshots directory.
 */
class BacktestReportBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Per canvas: its size and how many pixels are painted, and how many in each marker colour. */
    private static final String CANVAS_PIXELS =
            """
            const canvas = document.querySelector('#' + arguments[0] + ' canvas');
            if (!canvas) { return null; }
            const ctx = canvas.getContext('2d');
            const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0, buy = 0, sell = 0;
            for (let i = 0; i < px.length; i += 4) {
              if (px[i + 3] > 0) { painted++; }
              if (px[i] === 224 && px[i + 1] === 48 && px[i + 2] === 61 && px[i + 3] === 255) { buy++; }
              if (px[i] === 31 && px[i + 1] === 111 && px[i + 2] === 229 && px[i + 3] === 255) { sell++; }
            }
            return [canvas.width, canvas.height, painted, buy, sell, canvas.toDataURL('image/png').length];
            """;

    @TempDir
    Path dir;

    private WebDriver browser;

    @BeforeEach
    void open() {
        assertThat(CHROMIUM)
                .as("Chromium is needed for this test: apt-get install chromium chromium-driver (.ci/run does)")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("ChromeDriver: apt-get install chromium-driver")
                .isExecutable();
        browser = chromium(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReportOfATwoSymbolRunDrawsEveryChartOfflineWithoutConsoleErrors() throws Exception {
        BacktestResult result = SyntheticRun.generate(
                4000,
                42,
                List.of("BTC/KRW", "ETH/KRW"),
                Map.of("MAX_POSITIONS", "2", "STRATEGY_NOTE", "</script><script>document.title='broken'</script>"));
        Metrics metrics = Metrics.of(result);
        assertThat(metrics.trades().closed()).as("a run with trades").isGreaterThan(20);
        Path report = dir.resolve("backtest-report.html");
        HtmlReport.write(result, metrics, report);

        browser.get(report.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-rendered")));

        assertThat(browser.getTitle()).startsWith("백테스트 보고서").doesNotContain("broken");
        for (String chart : List.of("chart-equity", "chart-drawdown", "chart-price-0", "chart-price-1")) {
            List<?> pixels = (List<?>) ((JavascriptExecutor) browser).executeScript(CANVAS_PIXELS, chart);
            assertThat(pixels).as(chart + " has a canvas").isNotNull();
            long width = (Long) pixels.get(0);
            long height = (Long) pixels.get(1);
            assertThat(width).as(chart + " width").isGreaterThan(300);
            assertThat(height).as(chart + " height").isGreaterThan(200);
            assertThat((Long) pixels.get(2)).as(chart + " painted pixels").isGreaterThan(width * height / 100);
            assertThat((Long) pixels.get(5)).as(chart + " PNG size").isGreaterThan(5_000L);
            if (chart.startsWith("chart-price")) {
                assertThat((Long) pixels.get(3)).as(chart + " red buy markers").isGreaterThan(50L);
                assertThat((Long) pixels.get(4))
                        .as(chart + " blue sell markers")
                        .isGreaterThan(50L);
            }
        }
        assertThat(browser.findElements(By.cssSelector("#trades tbody tr")))
                .hasSize(metrics.roundTrips().size());
        assertThat(browser.findElement(By.id("metrics")).getText()).contains("buy-and-hold", "Sharpe");
        saveScreenshot("backtest-report.png");
        assertNoSevereConsoleErrors();
    }

    @Test
    void theReportOfARealBacktestOfTheBundledHistoryShowsItsCharts() throws Exception {
        List<io.cointrader.core.Symbol> symbols =
                List.of(io.cointrader.core.Symbol.parse("BTC/KRW"), io.cointrader.core.Symbol.parse("ETH/KRW"));
        io.cointrader.config.Settings settings = io.cointrader.config.SettingsLoader.load(
                        Map.of(), Map.of("TRADING_SYMBOLS", "BTC/KRW,ETH/KRW"), dir)
                .settings();
        Map<io.cointrader.core.Symbol, CandleColumns> data = CandleSources.bundled(symbols, Duration.ofHours(1));
        BacktestSpec spec = new BacktestSpec(
                symbols,
                Duration.ofHours(1),
                java.time.Instant.parse("2025-10-27T00:00:00Z"),
                java.time.Instant.parse("2025-11-30T00:00:00Z"),
                settings.paper().initialKrw(),
                settings.paper().feeRate(),
                "bundled Upbit history",
                Map.of("MAX_POSITIONS", "5"));
        BacktestResult result = io.cointrader.app.Backtests.run(settings, spec, data, done -> {});
        Metrics metrics = Metrics.of(result);
        assertThat(result.fills()).as("a run with fills").hasSizeGreaterThan(10);
        Path report = dir.resolve("backtest-bundled.html");
        HtmlReport.write(result, metrics, report);

        browser.get(report.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-rendered")));

        for (String chart : List.of("chart-equity", "chart-drawdown", "chart-price-0", "chart-price-1")) {
            List<?> pixels = (List<?>) ((JavascriptExecutor) browser).executeScript(CANVAS_PIXELS, chart);
            assertThat(pixels).as(chart + " has a canvas").isNotNull();
            assertThat((Long) pixels.get(2)).as(chart + " painted pixels").isGreaterThan(1000L);
        }
        saveScreenshot("backtest-report-bundled.png");
        assertNoSevereConsoleErrors();
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
                "--window-size=1400,4200",
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
