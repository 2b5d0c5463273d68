package io.cointrader.app;

import io.cointrader.candles.CachedRange;
import io.cointrader.candles.CandleCache;
import io.cointrader.candles.CandleCacheException;
import io.cointrader.candles.CandleDownloadException;
import io.cointrader.candles.CandleDownloader;
import io.cointrader.candles.CandleInterval;
import io.cointrader.candles.DownloadRequest;
import io.cointrader.candles.DownloadResult;
import io.cointrader.candles.ProgressBar;
import io.cointrader.cli.TraderApp.CandleDownload;
import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.Settings;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.upbit.Sleeper;
import io.cointrader.exchange.upbit.UpbitOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code trader candles download}: the candles of the configured symbols into the candle cache, one
 * symbol after the other, with a progress bar and one summary line per symbol.
 */
final class CandlesCommand {

    /** The command line, parsed and checked. */
    private record Plan(List<Symbol> symbols, CandleInterval interval, Instant from, Instant to, int perSecond) {}

    private final Settings settings;
    private final PrintWriter out;
    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean interactive;
    private final LongSupplier nanoTime;

    CandlesCommand(
            Settings settings,
            Invocation invocation,
            Clock clock,
            Sleeper sleeper,
            boolean interactive,
            LongSupplier nanoTime) {
        this.settings = settings;
        this.out = invocation.out();
        this.clock = clock;
        this.sleeper = sleeper;
        this.interactive = interactive;
        this.nanoTime = nanoTime;
    }

    int download(CandleDownload request) {
        Plan plan = plan(request);
        Path file = settings.storage().candleCachePath();
        out.println("candle cache: " + Display.path(file));
        UpbitOptions options = UpbitOptions.defaults(settings.upbitBaseUrl(), SystemBuilder.version());
        try (CandleCache cache = open(file)) {
            CandleDownloader downloader = new CandleDownloader(options, cache, clock, sleeper, plan.perSecond());
            for (Symbol symbol : plan.symbols()) {
                DownloadRequest one = new DownloadRequest(symbol, plan.interval(), plan.from(), plan.to());
                try {
                    report(downloader.download(one, this::progressBar));
                } catch (CandleDownloadException e) {
                    out.println(symbol + " " + plan.interval().label() + ": stopped; "
                            + holds(cache.cached(symbol, plan.interval().minutes(), plan.from(), plan.to())));
                    throw new Application.UserError(
                            Application.FAILURE,
                            e.getMessage() + " (what arrived is kept: run the same command again to continue)");
                }
            }
        }
        return Application.OK;
    }

    private ProgressBar progressBar(String label, long total) {
        return new ProgressBar(out, interactive, label, total, nanoTime);
    }

    private void report(DownloadResult r) {
        String span = r.from().isBefore(r.to()) ? " [" + r.from() + ", " + r.to() + ")" : "";
        out.println(r.symbol() + " " + r.interval().label() + span + ": " + r.downloaded() + " downloaded, "
                + r.alreadyCached() + " already cached (" + r.requests() + " requests); "
                + holds(r.cached()));
    }

    private static String holds(Optional<CachedRange> cached) {
        return cached.map(c -> "cache holds " + c.candles() + " candles from " + c.first() + " to " + c.last())
                .orElse("cache holds no candles of this range");
    }

    private static CandleCache open(Path file) {
        try {
            return CandleCache.open(file);
        } catch (CandleCacheException e) {
            throw new Application.UserError(
                    Application.FAILURE, e.getMessage() + " (set CANDLE_CACHE_PATH or --cache to another file)");
        }
    }

    private Plan plan(CandleDownload request) {
        CandleInterval interval;
        try {
            interval = CandleInterval.parse(request.interval());
        } catch (IllegalArgumentException e) {
            throw usage("--interval: " + e.getMessage());
        }
        Instant now = clock.instant();
        Instant from = time("--from", request.from());
        Instant to = request.to() == null ? now : time("--to", request.to());
        if (!from.isBefore(now)) {
            throw usage("--from " + from + " is not in the past: there are no candles to download yet");
        }
        if (!from.isBefore(to)) {
            throw usage("--from " + from + " must be before --to " + to);
        }
        int perSecond = request.requestsPerSecond();
        if (perSecond < 1 || perSecond > CandleDownloader.MAX_REQUESTS_PER_SECOND) {
            throw usage("--requests-per-second must be 1 to " + CandleDownloader.MAX_REQUESTS_PER_SECOND
                    + " (Upbit allows " + CandleDownloader.MAX_REQUESTS_PER_SECOND + " candle requests per second)");
        }
        return new Plan(settings.symbols(), interval, from, to, perSecond);
    }

    /** {@code YYYY-MM-DD} (00:00 UTC) or an ISO-8601 time with {@code Z} or an offset. */
    static Instant time(String option, String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            throw usage(option + " '" + text + "' is not a date YYYY-MM-DD (00:00 UTC) or an ISO-8601 time"
                    + " such as 2025-01-01T09:00:00Z");
        }
    }

    private static Application.UserError usage(String message) {
        return new Application.UserError(Application.USAGE, message);
    }
}
