package io.cointrader.candles;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.RateLimitedException;
import io.cointrader.exchange.upbit.QuotationParser;
import io.cointrader.exchange.upbit.RateGroup;
import io.cointrader.exchange.upbit.Sleeper;
import io.cointrader.exchange.upbit.UpbitBanException;
import io.cointrader.exchange.upbit.UpbitHttp;
import io.cointrader.exchange.upbit.UpbitOptions;
import io.cointrader.exchange.upbit.UpbitRequest;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads Upbit candles into a {@link CandleCache}, newest first, 200 per request.
 *
 * <p><b>Paging.</b> Each request asks for the 200 candles before {@code to} (exclusive, UTC with
 * {@code Z}); the next request's {@code to} is the open time of the oldest candle returned. A span
 * ends when a page reaches its start or comes back empty (Upbit has nothing older). Every page is
 * stored as it arrives, in one transaction with the record of the span it covered, so an interrupted
 * download keeps all it got. Missing candles (no trade in an interval) stay missing.
 *
 * <p><b>Resuming.</b> Before it starts, the download asks the cache which parts of the requested span
 * were never fetched completely ({@link CandleCache#missing}) and fetches only those, newest part
 * first. After an interruption that is everything below the oldest page stored; after an earlier,
 * shorter download it is what lies above and below it. The candle still forming is never fetched.
 *
 * <p><b>Rate limits.</b> Requests are spaced evenly at the configured rate (default 8 per second,
 * below Upbit's 10 per second for candles), counting retries. {@code Remaining-Req: sec=0} holds the
 * next request until the next second. HTTP 429 and passing failures (5xx, network, timeout) retry the
 * same page up to {@value #MAX_ATTEMPTS} attempts, waiting 1, 2, 4 then 8 s. HTTP 418 (Upbit banned
 * this IP) stops at once with a {@link CandleDownloadException} naming the ban and its end.
 *
 * <p>Time and waiting come from the injected clock and sleeper. One download at a time per instance.
 */
public final class CandleDownloader {

    /** Candles per request, Upbit's maximum. */
    public static final int PAGE_SIZE = 200;

    public static final int DEFAULT_REQUESTS_PER_SECOND = 8;

    /** Upbit's limit for the candle group, per IP. */
    public static final int MAX_REQUESTS_PER_SECOND = 10;

    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_RETRY_WAIT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(CandleDownloader.class);

    /** Makes the progress bar of one download once its size, in candle intervals, is known. */
    @FunctionalInterface
    public interface ProgressFactory {

        /** Draws nothing. */
        ProgressFactory NONE =
                (label, total) -> new ProgressBar(new PrintWriter(Writer.nullWriter()), false, label, total, () -> 0L);

        ProgressBar start(String label, long total);
    }

    private final UpbitHttp http;
    private final CandleCache cache;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RequestPacer pacer;

    /**
     * @param options where Upbit is and how long to wait for it; its retry count is ignored, the
     *     downloader retries itself so that retries are paced too
     * @param requestsPerSecond 1 to {@value #MAX_REQUESTS_PER_SECOND}
     */
    public CandleDownloader(
            UpbitOptions options, CandleCache cache, Clock clock, Sleeper sleeper, int requestsPerSecond) {
        if (requestsPerSecond < 1 || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("requests per second must be 1 to " + MAX_REQUESTS_PER_SECOND
                    + " (Upbit allows " + MAX_REQUESTS_PER_SECOND + " per second for candles), got "
                    + requestsPerSecond);
        }
        this.cache = cache;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pacer = new RequestPacer(clock, sleeper, requestsPerSecond);
        // a wait inside the HTTP layer (Remaining-Req sec=0, after a 429) comes right before the send:
        // the pacer counts the request as sent when it ends
        Sleeper noted = duration -> {
            sleeper.sleep(duration);
            pacer.startedAt(clock.instant());
        };
        this.http = new UpbitHttp(options.withMaxAttempts(1), clock, noted, new SplittableRandom());
    }

    /**
     * Downloads what the cache lacks of {@code request}, drawing progress in candle intervals.
     *
     * @throws CandleDownloadException when Upbit cannot be reached, refuses or bans; pages received
     *     before are kept
     */
    public DownloadResult download(DownloadRequest request, ProgressFactory progress) {
        Symbol symbol = request.symbol();
        CandleInterval interval = request.interval();
        int minutes = interval.minutes();
        Instant from = interval.ceil(request.from());
        Instant end = earlier(interval.ceil(request.to()), interval.floor(clock.instant()));
        if (!from.isBefore(end)) {
            return new DownloadResult(symbol, interval, from, end, 0, 0, 0, Optional.empty());
        }
        long before = cache.cached(symbol, minutes, from, end)
                .map(CachedRange::candles)
                .orElse(0L);
        List<TimeRange> missing = cache.missing(symbol, minutes, new TimeRange(from, end));
        long totalSeconds =
                missing.stream().mapToLong(r -> r.duration().toSeconds()).sum();
        long intervalSeconds = interval.duration().toSeconds();
        Tally tally = new Tally(progress.start(symbol + " " + interval.label(), totalSeconds / intervalSeconds));
        try {
            tally.bar.update(0);
            for (int i = missing.size() - 1; i >= 0; i--) {
                fetchBackwards(symbol, interval, missing.get(i), tally);
            }
            tally.bar.update(totalSeconds / intervalSeconds);
        } finally {
            tally.bar.finish();
        }
        return new DownloadResult(
                symbol,
                interval,
                from,
                end,
                before,
                tally.candles,
                tally.requests,
                cache.cached(symbol, minutes, from, end));
    }

    /** Counts of one download, and its bar. */
    private static final class Tally {
        final ProgressBar bar;
        long candles;
        int requests;
        long seconds;

        Tally(ProgressBar bar) {
            this.bar = bar;
        }
    }

    private void fetchBackwards(Symbol symbol, CandleInterval interval, TimeRange range, Tally tally) {
        Instant pageTo = range.to();
        while (pageTo.isAfter(range.from())) {
            List<Candle> page = fetchPage(symbol, interval, pageTo, tally);
            Instant oldest = page.isEmpty() ? null : page.get(0).openTime();
            if (oldest != null && !oldest.isBefore(pageTo)) {
                throw new CandleDownloadException(
                        describe(symbol, interval) + ": Upbit answered to=" + pageTo
                                + " with candles that are not before it",
                        null);
            }
            Instant next = oldest == null || !oldest.isAfter(range.from()) ? range.from() : oldest;
            Instant pageEnd = pageTo;
            List<Candle> kept = page.stream()
                    .filter(c -> !c.openTime().isBefore(next) && c.openTime().isBefore(pageEnd))
                    .toList();
            cache.store(symbol, interval.minutes(), kept, new TimeRange(next, pageTo));
            tally.candles += kept.size();
            tally.seconds += Duration.between(next, pageTo).toSeconds();
            tally.bar.update(tally.seconds / interval.duration().toSeconds());
            pageTo = next;
        }
    }

    /** One page, ascending; retried on 429 and passing failures. */
    private List<Candle> fetchPage(Symbol symbol, CandleInterval interval, Instant to, Tally tally) {
        UpbitRequest request = UpbitRequest.get(
                interval.path(),
                RateGroup.CANDLE,
                "market",
                symbol.marketCode(),
                "to",
                to.toString(),
                "count",
                Integer.toString(PAGE_SIZE));
        for (int attempt = 1; ; attempt++) {
            awaitTurn(symbol, interval);
            tally.requests++;
            try {
                return http.read(request, body -> QuotationParser.candles(body, symbol));
            } catch (UpbitBanException e) {
                throw new CandleDownloadException(
                        "Upbit banned requests from this IP (HTTP 418, after too many requests) until "
                                + e.bannedUntil() + "; the download of " + describe(symbol, interval)
                                + " stopped",
                        e);
            } catch (RateLimitedException | ExchangeUnavailableException e) {
                if (attempt >= MAX_ATTEMPTS || Thread.currentThread().isInterrupted()) {
                    throw new CandleDownloadException(
                            describe(symbol, interval) + ": gave up after " + attempt + " attempts: " + e.getMessage(),
                            e);
                }
                Duration wait = FIRST_RETRY_WAIT.multipliedBy(1L << (attempt - 1));
                log.warn(
                        "{} before {}: {}; retrying in {} s",
                        describe(symbol, interval),
                        to,
                        e.getMessage(),
                        wait.toSeconds());
                pause(wait, symbol, interval);
            } catch (ExchangeException e) {
                throw new CandleDownloadException(describe(symbol, interval) + ": " + e.getMessage(), e);
            }
        }
    }

    private void awaitTurn(Symbol symbol, CandleInterval interval) {
        try {
            pacer.awaitTurn();
        } catch (InterruptedException e) {
            throw interrupted(symbol, interval, e);
        }
    }

    private void pause(Duration wait, Symbol symbol, CandleInterval interval) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted(symbol, interval, e);
        }
    }

    private static CandleDownloadException interrupted(Symbol symbol, CandleInterval interval, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new CandleDownloadException(describe(symbol, interval) + ": interrupted", e);
    }

    private static String describe(Symbol symbol, CandleInterval interval) {
        return symbol.marketCode() + " " + interval.label();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
