package io.cointrader.candles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.upbit.RecordingSleeper;
import io.cointrader.exchange.upbit.UpbitOptions;
import io.cointrader.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleDownloaderTest {

    private static final Symbol BTC = Symbol.fromMarketCode("KRW-BTC");
    private static final CandleInterval H1 = CandleInterval.MINUTES_60;
    private static final List<Candle> SAMPLE = Fixtures.btc60m();
    private static final Instant FIRST = SAMPLE.get(0).openTime();
    private static final Instant LAST = SAMPLE.get(SAMPLE.size() - 1).openTime();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00.300Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private CandleServer server;
    private CandleCache cache;

    @BeforeEach
    void start() {
        server = new CandleServer(clock, "KRW-BTC").serve(H1, SAMPLE);
        cache = CandleCache.open(dir.resolve("candles.db"));
    }

    @AfterEach
    void stop() {
        cache.close();
        server.close();
    }

    private CandleDownloader downloader(int perSecond) {
        return new CandleDownloader(UpbitOptions.defaults(server.baseUrl(), "test"), cache, clock, sleeper, perSecond);
    }

    private DownloadResult download(CandleInterval interval, Instant from, Instant to) {
        return downloader(CandleDownloader.DEFAULT_REQUESTS_PER_SECOND)
                .download(new DownloadRequest(BTC, interval, from, to), CandleDownloader.ProgressFactory.NONE);
    }

    private DownloadResult download(Instant from, Instant to) {
        return download(H1, from, to);
    }

    private List<Candle> cached(CandleInterval interval) {
        return cache.read(BTC, interval.minutes(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    private static Instant day(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    private static Instant hoursAfter(Instant start, int hours) {
        return start.plus(Duration.ofHours(hours));
    }

    @Test
    void fullDownloadEqualsTheFixtureExactly() {
        DownloadResult result = download(day("2025-08-28"), day("2025-09-23"));

        assertThat(cached(H1)).containsExactlyElementsOf(SAMPLE);
        assertThat(result.downloaded()).isEqualTo(600);
        assertThat(result.alreadyCached()).isZero();
        assertThat(result.requests()).isEqualTo(4); // 200 + 200 + 200, then an empty page
        assertThat(result.cached()).contains(new CachedRange(600, FIRST, LAST));
        List<CandleServer.Hit> hits = server.hits();
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.path()).isEqualTo("/v1/candles/minutes/60");
            assertThat(h.market()).isEqualTo("KRW-BTC");
            assertThat(h.count()).isEqualTo(200);
        });
        assertThat(hits.get(0).rawQuery()).isEqualTo("market=KRW-BTC&to=2025-09-23T00%3A00%3A00Z&count=200");
        for (int page = 1; page < hits.size(); page++) {
            assertThat(hits.get(page).to())
                    .isEqualTo(SAMPLE.get(600 - 200 * page).openTime());
        }
    }

    @Test
    void exactlyTwoHundredCandlesInTheRangeTakeOnePage() {
        Instant from = SAMPLE.get(100).openTime();
        DownloadResult result = download(from, hoursAfter(from, 200));

        assertThat(result.requests()).isEqualTo(1);
        assertThat(cached(H1)).containsExactlyElementsOf(SAMPLE.subList(100, 300));
    }

    @Test
    void twoHundredAndOneCandlesTakeTwoPages() {
        Instant from = SAMPLE.get(100).openTime();
        DownloadResult result = download(from, hoursAfter(from, 201));

        assertThat(result.requests()).isEqualTo(2);
        assertThat(server.hits().get(1).to()).isEqualTo(SAMPLE.get(101).openTime());
        assertThat(cached(H1)).containsExactlyElementsOf(SAMPLE.subList(100, 301));
    }

    @Test
    void anEmptyAnswerEndsTheDownloadAndIsRememberedAsFetched() {
        DownloadResult result = download(day("2024-01-01"), day("2024-02-01"));

        assertThat(result.requests()).isEqualTo(1);
        assertThat(result.downloaded()).isZero();
        assertThat(result.cached()).isEmpty();
        assertThat(cached(H1)).isEmpty();

        DownloadResult again = download(day("2024-01-01"), day("2024-02-01"));
        assertThat(again.requests()).isZero();
        assertThat(server.hits()).hasSize(1);
    }

    @Test
    void gapsStayGaps() {
        List<Candle> gappy = new ArrayList<>(SAMPLE);
        gappy.subList(100, 105).clear();
        gappy.remove(345);
        server.serve(H1, gappy);

        DownloadResult result = download(day("2025-08-28"), day("2025-09-23"));

        assertThat(cached(H1)).containsExactlyElementsOf(gappy);
        assertThat(result.downloaded()).isEqualTo(594);
    }

    @Test
    void resumesAfterAnInterruptionWithoutFetchingAnyPageTwice() {
        server.faults((index, hit) -> index >= 2
                ? Optional.of(CandleServer.Reply.status(500, "{\"error\":{\"name\":500,\"message\":\"boom\"}}"))
                : Optional.empty());

        CandleDownloadException failure = catchThrowableOfType(
                () -> download(day("2025-08-28"), day("2025-09-23")), CandleDownloadException.class);

        assertThat(failure).hasMessageContaining("KRW-BTC 60m").hasMessageContaining("500");
        assertThat(cached(H1)).containsExactlyElementsOf(SAMPLE.subList(200, 600));
        Instant failedTo = SAMPLE.get(200).openTime();
        assertThat(server.hits().subList(2, server.hits().size()))
                .hasSize(CandleDownloader.MAX_ATTEMPTS)
                .allSatisfy(h -> assertThat(h.to()).isEqualTo(failedTo));

        server.faults((index, hit) -> Optional.empty());
        int before = server.hits().size();
        DownloadResult resumed = download(day("2025-08-28"), day("2025-09-23"));

        assertThat(cached(H1)).containsExactlyElementsOf(SAMPLE);
        assertThat(resumed.alreadyCached()).isEqualTo(400);
        assertThat(resumed.downloaded()).isEqualTo(200);
        List<CandleServer.Hit> rerun =
                server.hits().subList(before, server.hits().size());
        assertThat(rerun.get(0).to()).isEqualTo(failedTo);
        Map<Instant, Long> perTo =
                server.hits().stream().collect(Collectors.groupingBy(CandleServer.Hit::to, Collectors.counting()));
        perTo.forEach((to, times) -> assertThat(times)
                .as("requests with to=%s", to)
                .isEqualTo(to.equals(failedTo) ? CandleDownloader.MAX_ATTEMPTS + 1L : 1L));
    }

    @Test
    void aWiderRangeFetchesOnlyAboveAndBelowWhatIsCached() {
        Instant cachedFrom = day("2025-09-01");
        Instant cachedTo = day("2025-09-10");
        download(cachedFrom, cachedTo);
        int before = server.hits().size();

        DownloadResult wider = download(day("2025-08-28"), day("2025-09-23"));

        assertThat(cached(H1)).containsExactlyElementsOf(SAMPLE);
        assertThat(wider.alreadyCached()).isEqualTo(9 * 24);
        assertThat(wider.downloaded()).isEqualTo(600 - 9 * 24);
        List<CandleServer.Hit> second =
                server.hits().subList(before, server.hits().size());
        assertThat(second.get(0).to()).isEqualTo(day("2025-09-23"));
        assertThat(second)
                .extracting(CandleServer.Hit::to)
                .contains(cachedFrom)
                .noneMatch(to -> to.isAfter(cachedFrom) && !to.isAfter(cachedTo));
    }

    @Test
    void twoSeparateDownloadsLeaveTheSpanBetweenThemToBeFetched() {
        download(day("2025-08-29"), day("2025-09-01"));
        download(day("2025-09-15"), day("2025-09-18"));
        int before = server.hits().size();

        download(day("2025-08-29"), day("2025-09-18"));

        assertThat(cache.read(BTC, 60, day("2025-08-29"), day("2025-09-18")))
                .containsExactlyElementsOf(SAMPLE.stream()
                        .filter(c -> !c.openTime().isBefore(day("2025-08-29"))
                                && c.openTime().isBefore(day("2025-09-18")))
                        .toList());
        assertThat(server.hits().subList(before, server.hits().size()))
                .extracting(CandleServer.Hit::to)
                .first()
                .isEqualTo(day("2025-09-15"));
    }

    @Test
    void retriesTheSamePageAfter429() {
        server.faults((index, hit) ->
                index == 1 ? Optional.of(CandleServer.Reply.status(429, "Too Many Requests")) : Optional.empty());

        DownloadResult result = download(day("2025-08-28"), day("2025-09-23"));

        assertThat(cached(H1)).containsExactlyElementsOf(SAMPLE);
        List<CandleServer.Hit> hits = server.hits();
        assertThat(hits.get(2).to()).isEqualTo(hits.get(1).to());
        assertThat(result.requests()).isEqualTo(5);
        assertThat(sleeper.waits()).contains(CandleDownloader.FIRST_RETRY_WAIT);
        assertThat(Duration.between(hits.get(1).at(), hits.get(2).at()))
                .isGreaterThanOrEqualTo(CandleDownloader.FIRST_RETRY_WAIT);
    }

    @Test
    void givesUpAfterBoundedRetriesWithGrowingWaits() {
        server.faults((index, hit) -> Optional.of(CandleServer.Reply.status(429, "Too Many Requests")));

        CandleDownloadException failure = catchThrowableOfType(
                () -> download(day("2025-08-28"), day("2025-09-23")), CandleDownloadException.class);

        assertThat(failure).hasMessageContaining("gave up after 5 attempts").hasMessageContaining("429");
        assertThat(server.hits()).hasSize(CandleDownloader.MAX_ATTEMPTS);
        assertThat(sleeper.waits())
                .filteredOn(w -> w.compareTo(Duration.ofSeconds(1)) >= 0)
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void remainingReqSecZeroWaitsForTheNextSecond() {
        server.remaining(index -> index == 0 ? 0 : 9);

        download(day("2025-08-28"), day("2025-09-23"));

        List<CandleServer.Hit> hits = server.hits();
        assertThat(hits.get(0).at()).isEqualTo(Instant.parse("2026-01-01T00:00:00.300Z"));
        assertThat(hits.get(1).at()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(sleeper.waits()).contains(Duration.ofMillis(575)); // after the pacer's 125 ms
        assertThat(Duration.between(hits.get(1).at(), hits.get(2).at())).isEqualTo(Duration.ofMillis(125));
    }

    @Test
    void banStopsAtOnceWithAClearErrorAndKeepsWhatArrived() {
        server.faults((index, hit) -> index == 1
                ? Optional.of(new CandleServer.Reply(418, "", Map.of("Retry-After", "600")))
                : Optional.empty());

        CandleDownloadException failure = catchThrowableOfType(
                () -> download(day("2025-08-28"), day("2025-09-23")), CandleDownloadException.class);

        assertThat(failure)
                .hasMessageContaining("HTTP 418")
                .hasMessageContaining("banned")
                .hasMessageContaining("until 2026-01-01T00:10:00.425Z");
        assertThat(server.hits()).hasSize(2);
        assertThat(cached(H1)).containsExactlyElementsOf(SAMPLE.subList(400, 600));
    }

    @Test
    void neverSendsMoreRequestsPerSecondThanTheBudget() {
        CandleInterval m1 = CandleInterval.MINUTES_1;
        Instant start = day("2025-09-01");
        server.serve(m1, Fixtures.series(start, m1.duration(), 4_000));
        for (int budget : new int[] {8, 3}) {
            cache.close();
            cache = CandleCache.open(dir.resolve("budget-" + budget + ".db"));
            int before = server.hits().size();

            downloader(budget)
                    .download(
                            new DownloadRequest(BTC, m1, start, start.plus(Duration.ofMinutes(4_000))),
                            CandleDownloader.ProgressFactory.NONE);

            List<Instant> times = server.hits().subList(before, server.hits().size()).stream()
                    .map(CandleServer.Hit::at)
                    .toList();
            assertThat(times).hasSize(20); // the last page reaches the start exactly
            for (Instant t : times) {
                long inWindow = times.stream()
                        .filter(u -> !u.isBefore(t) && u.isBefore(t.plusSeconds(1)))
                        .count();
                assertThat(inWindow).as("requests in the second from %s", t).isLessThanOrEqualTo(budget);
            }
            Duration spacing = Duration.ofNanos((1_000_000_000L + budget - 1) / budget);
            assertThat(Duration.between(times.get(0), times.get(times.size() - 1)))
                    .isEqualTo(spacing.multipliedBy(times.size() - 1));
        }
    }

    @Test
    void downloadsDayCandles() {
        CandleInterval d1 = CandleInterval.DAY;
        List<Candle> days = Fixtures.series(day("2024-01-01"), Duration.ofDays(1), 450);
        server.serve(d1, days);

        DownloadResult result = download(d1, day("2023-06-01"), day("2025-06-01"));

        assertThat(cached(d1)).containsExactlyElementsOf(days);
        assertThat(result.requests()).isEqualTo(4); // 200 + 200 + 50, then an empty page
        assertThat(server.hits()).allSatisfy(h -> assertThat(h.path()).isEqualTo("/v1/candles/days"));
        assertThat(cached(H1)).isEmpty();
    }

    @Test
    void leavesOutTheCandleStillForming() {
        clock.advance(Duration.between(clock.instant(), hoursAfter(LAST, 0).plus(Duration.ofMinutes(30))));

        DownloadResult result = download(day("2025-09-22"), day("2025-09-23"));

        assertThat(server.hits().get(0).to()).isEqualTo(LAST);
        assertThat(result.to()).isEqualTo(LAST);
        assertThat(cached(H1)).extracting(Candle::openTime).doesNotContain(LAST).contains(LAST.minusSeconds(3600));
    }

    @Test
    void roundsTheRangeToWholeIntervals() {
        DownloadResult result = download(
                FIRST.plus(Duration.ofMinutes(10)),
                FIRST.plus(Duration.ofHours(3).plusMinutes(5)));

        assertThat(result.from()).isEqualTo(hoursAfter(FIRST, 1));
        assertThat(result.to()).isEqualTo(hoursAfter(FIRST, 4));
        assertThat(cached(H1)).containsExactlyElementsOf(SAMPLE.subList(1, 4));
    }

    @Test
    void drawsProgressInCandleIntervals() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        List<Long> totals = new ArrayList<>();
        Function<String, String> lastLine = s -> s.lines().reduce((a, b) -> b).orElse("");

        downloader(8).download(new DownloadRequest(BTC, H1, day("2025-08-28"), day("2025-09-23")), (label, total) -> {
            totals.add(total);
            return new ProgressBar(out, false, label, total, () -> 0L);
        });

        assertThat(totals).containsExactly(26L * 24);
        assertThat(text.toString().lines()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lastLine.apply(text.toString())).startsWith("BTC/KRW 60m [####################] 100% 624/624");
    }
}
