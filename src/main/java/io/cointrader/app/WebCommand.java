package io.cointrader.app;

import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.Settings;
import io.cointrader.config.TradingMode;
import io.cointrader.exchange.TickSize;
import io.cointrader.logging.Redactor;
import io.cointrader.safety.KillSwitch;
import io.cointrader.state.Durability;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import io.cointrader.web.DashboardServer;
import io.cointrader.web.DashboardSetup;
import io.cointrader.web.SecurityConfig;
import io.cointrader.web.WebSecurity;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trader web}: the dashboard over the database in DB_PATH, until stopped. Refuses a
 * non-loopback address without WEB_MASTER_CODE. A stop signal stops a loop started from the page
 * after its tick, then the server.
 */
final class WebCommand {

    private static final Logger LOG = LoggerFactory.getLogger(WebCommand.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

    private final Settings settings;
    private final Redactor redactor;
    private final Function<TradingMode, Settings> settingsFor;
    private final PrintWriter out;

    WebCommand(
            Settings settings, Redactor redactor, Function<TradingMode, Settings> settingsFor, Invocation invocation) {
        this.settings = settings;
        this.redactor = redactor;
        this.settingsFor = settingsFor;
        this.out = invocation.out();
    }

    int serve(String host, int port) throws InterruptedException {
        requireSafeBind(host);
        Clock clock = Clock.systemUTC();
        try (StateStore store = SqliteStateStore.open(settings.storage().dbPath(), clock, Durability.CRASH_SAFE);
                Alerts alerts = Alerts.fromSettings(settings)) {
            SystemBuilder.checkAccount(settings, store);
            KillSwitch killSwitch = new KillSwitch(settings.safety().killSwitchFile(), clock);
            WebTrading trading = new WebTrading(
                    settingsFor,
                    settings.storage().dbPath(),
                    redactor,
                    new LiveGate(clock, Terminal.system()),
                    out,
                    clock);
            WebSecurity guard = new WebSecurity(SecurityConfig.defaults(settings.webMasterCode()), clock);
            DashboardSetup setup = new DashboardSetup(
                    host,
                    port,
                    guard,
                    store,
                    killSwitch,
                    new SafetyRecorder(store, alerts),
                    trading,
                    settings,
                    TickSize.KRW_MIN_ORDER_TOTAL,
                    clock,
                    versionOrDev());
            try (DashboardServer server = start(setup, host, port)) {
                return serveUntilStopped(server, trading, guard.authRequired());
            }
        }
    }

    private int serveUntilStopped(DashboardServer server, WebTrading trading, boolean login)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    try {
                        if (!trading.shutdown(SHUTDOWN_GRACE)) {
                            LOG.error("the trading loop did not stop within {}", SHUTDOWN_GRACE);
                        }
                        stopped.countDown();
                        finished.await(SHUTDOWN_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "web-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("coin-trader dashboard: " + server.url());
        out.println("  account: " + Display.path(settings.storage().dbPath()) + " ("
                + settings.mode().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + settings.exchange().name().toLowerCase(java.util.Locale.ROOT) + ")"
                + (login ? "   login: WEB_MASTER_CODE" : "   open to this computer only"));
        out.println("Stop with Ctrl+C.");
        out.flush();
        try {
            stopped.await();
        } finally {
            finished.countDown();
        }
        return Application.OK;
    }

    private static DashboardServer start(DashboardSetup setup, String host, int port) {
        try {
            return DashboardServer.start(setup);
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                throw new Application.UserError(
                        Application.FAILURE,
                        "cannot listen on " + host + ":" + port + " (address in use or not available);"
                                + " choose another --port or --host");
            }
            throw e;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t instanceof io.javalin.util.JavalinBindException) {
                return true;
            }
        }
        return false;
    }

    /** A non-loopback address exposes the controls to the network: only behind a master code. */
    private void requireSafeBind(String host) {
        boolean loopback;
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            loopback = java.util.Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            throw new Application.UserError(Application.USAGE, "--host: unknown host '" + host + "'");
        }
        if (!loopback && settings.webMasterCode().isEmpty()) {
            throw new Application.UserError(
                    Application.USAGE,
                    "WEB_MASTER_CODE: not set, so the dashboard binds only to loopback; allowed: --host"
                            + " 127.0.0.1 (or localhost), or set WEB_MASTER_CODE to serve on " + host);
        }
    }

    private static String versionOrDev() {
        String version = SystemBuilder.version();
        return version == null ? "dev" : version;
    }
}
