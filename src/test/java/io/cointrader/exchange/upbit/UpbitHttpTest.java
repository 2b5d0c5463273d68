package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.json;
import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Symbol;
import io.cointrader.exchange.AuthFailedException;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.InsufficientFundsException;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.RateLimitedException;
import io.cointrader.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpbitHttpTest {

    private static final Symbol BTC = new Symbol("BTC", "KRW");
    private static final UpbitRequest MARKETS = UpbitRequest.get("/v1/market/all", RateGroup.MARKET);
    private static final BodyParser<String> TEXT = body -> new String(body, StandardCharsets.UTF_8);

    private final FakeUpbitServer server = new FakeUpbitServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-11T14:41:00.250Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @AfterEach
    void stopServer() {
        server.close();
    }

    private UpbitHttp http(UpbitOptions options) {
        return new UpbitHttp(options, clock, sleeper, new Random(42));
    }

    private UpbitHttp http() {
        return http(UpbitOptions.defaults(server.baseUrl(), "test"));
    }

    @Test
    void serverErrorThenSuccessIsRetriedAfterABackoff() {
        server.on("/v1/market/all", json(500, "{}"), ok("[1]"));

        assertThat(http().read(MARKETS, TEXT)).isEqualTo("[1]");

        assertThat(server.received()).hasSize(2);
        assertThat(sleeper.waits()).hasSize(1);
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(600), Duration.ofMillis(800));
    }

    @Test
    void persistentServerErrorsFailAfterExactlyMaxAttemptsWithGrowingBackoff() {
        server.on("/v1/market/all", json(500, "{}"));

        assertThatThrownBy(() -> http().read(MARKETS, TEXT))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("HTTP 500");

        assertThat(server.received()).hasSize(3);
        List<Duration> waits = sleeper.waits();
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(600), Duration.ofMillis(800));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(1100), Duration.ofMillis(1300));
    }

    @Test
    void maxAttemptsIsConfigurable() {
        server.on("/v1/market/all", json(502, "{}"));
        UpbitHttp http = http(UpbitOptions.defaults(server.baseUrl(), "test").withMaxAttempts(5));

        assertThatThrownBy(() -> http.read(MARKETS, TEXT)).isInstanceOf(ExchangeUnavailableException.class);

        assertThat(server.received()).hasSize(5);
        assertThat(sleeper.waits().get(3)).isBetween(Duration.ofMillis(4100), Duration.ofMillis(4300));
    }

    @Test
    void backoffIsCappedPlusJitter() {
        UpbitHttp http = http();
        for (int attempt = 1; attempt <= 10; attempt++) {
            Duration base = Duration.ofMillis(Math.min(500L << (attempt - 1), 10_000));
            assertThat(http.backoff(attempt)).isBetween(base.plusMillis(100), base.plusMillis(300));
        }
    }

    @Test
    void tooManyRequestsBacksOffThenSucceeds() {
        server.on("/v1/market/all", json(429, "Too many requests"), ok("[]"));

        assertThat(http().read(MARKETS, TEXT)).isEqualTo("[]");

        assertThat(server.received()).hasSize(2);
        Duration waited = sleeper.waits().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void persistentTooManyRequestsEndsAsRateLimited() {
        server.on(
                "/v1/market/all", json(429, "{\"error\":{\"name\":\"too_many_requests\",\"message\":\"slow down\"}}"));

        assertThatThrownBy(() -> http().read(MARKETS, TEXT))
                .isInstanceOf(RateLimitedException.class)
                .isNotInstanceOf(UpbitBanException.class)
                .hasMessageContaining("429");
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void banStopsEveryCallWithoutTouchingTheNetworkUntilItEnds() {
        server.on("/v1/market/all", json(418, "blocked"), ok("[]")).on("/v1/ticker", ok("[]"));
        UpbitHttp http = http();
        Instant start = clock.instant();

        assertThatThrownBy(() -> http.read(MARKETS, TEXT))
                .isInstanceOfSatisfying(UpbitBanException.class, e -> assertThat(e.bannedUntil())
                        .isEqualTo(start.plusSeconds(60)));
        assertThat(server.received()).hasSize(1);

        clock.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> http.read(MARKETS, TEXT)).isInstanceOf(UpbitBanException.class);
        assertThatThrownBy(() -> http.read(UpbitRequest.get("/v1/ticker", RateGroup.TICKER), TEXT))
                .isInstanceOf(RateLimitedException.class);
        assertThat(server.received()).hasSize(1);
        assertThat(http.bannedUntil()).contains(start.plusSeconds(60));

        clock.advance(Duration.ofSeconds(1));
        assertThat(http.read(MARKETS, TEXT)).isEqualTo("[]");
        assertThat(server.received()).hasSize(2);
        assertThat(http.bannedUntil()).isEmpty();
    }

    @Test
    void banDurationIsTakenFromRetryAfterOrTheBody() {
        server.on(
                "/v1/market/all",
                json(418, "{}").withHeader("Retry-After", "300"),
                json(418, "{\"error\":{\"name\":418,\"message\":\"요청이 차단되었습니다. 10분 후 다시 시도하세요\"}}"),
                ok("[]"));
        UpbitHttp http = http();
        Instant start = clock.instant();

        assertThatThrownBy(() -> http.read(MARKETS, TEXT))
                .isInstanceOfSatisfying(UpbitBanException.class, e -> assertThat(e.bannedUntil())
                        .isEqualTo(start.plusSeconds(300)));
        clock.advance(Duration.ofSeconds(300));
        assertThatThrownBy(() -> http.read(MARKETS, TEXT))
                .isInstanceOfSatisfying(UpbitBanException.class, e -> assertThat(e.bannedUntil())
                        .isEqualTo(start.plusSeconds(900)));
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void remainingZeroInTheSecondMakesTheNextCallOfThatGroupWaitForTheNextSecond() {
        server.on("/v1/candles/minutes/1", ok("[]").withHeader("Remaining-Req", "group=candles; min=600; sec=0"))
                .on("/v1/ticker", ok("[]").withHeader("Remaining-Req", "group=ticker; min=600; sec=9"));
        UpbitHttp http = http();
        UpbitRequest candles = UpbitRequest.get("/v1/candles/minutes/1", RateGroup.CANDLE, "market", "KRW-BTC");

        http.read(candles, TEXT);
        http.read(UpbitRequest.get("/v1/ticker", RateGroup.TICKER), TEXT);
        assertThat(sleeper.waits()).isEmpty();

        http.read(candles, TEXT);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(750));
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void clientSideBudgetAllowsTenCallsPerSecondPerGroup() {
        server.on("/v1/market/all", ok("[]")).on("/v1/ticker", ok("[]"));
        UpbitHttp http = http();

        for (int i = 0; i < 10; i++) {
            http.read(MARKETS, TEXT);
        }
        http.read(UpbitRequest.get("/v1/ticker", RateGroup.TICKER), TEXT);
        assertThat(sleeper.waits()).isEmpty();

        http.read(MARKETS, TEXT);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(750));
        assertThat(server.received()).hasSize(12);
    }

    @Test
    void malformedJsonIsUnavailableAfterRetries() {
        server.on("/v1/market/all", ok("[{\"market\":\"KRW-BTC\",}"));

        assertThatThrownBy(() -> new UpbitExchangeAdapter(http()).markets())
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("malformed");
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void truncatedBodyIsUnavailable() {
        server.on("/v1/market/all", ok(UpbitSamples.MARKETS).truncatedTo(30));

        assertThatThrownBy(() -> new UpbitExchangeAdapter(http()).markets())
                .isInstanceOf(ExchangeUnavailableException.class);
    }

    @Test
    void completeButCutJsonIsUnavailable() {
        server.on("/v1/ticker", ok("[{\"market\":\"KRW-BTC\",\"trade_price\":1"));
        UpbitHttp http = http(UpbitOptions.defaults(server.baseUrl(), "test").withMaxAttempts(1));

        assertThatThrownBy(() -> new UpbitExchangeAdapter(http).ticker(BTC))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void htmlErrorPageIsUnavailableAndNotEchoed() {
        server.on("/v1/market/all", json(502, UpbitSamples.HTML_ERROR));

        assertThatThrownBy(() -> http().read(MARKETS, TEXT))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageNotContaining("<html");
    }

    @Test
    void htmlWithStatus200IsUnavailable() {
        server.on("/v1/market/all", ok(UpbitSamples.HTML_ERROR));

        assertThatThrownBy(() -> new UpbitExchangeAdapter(http()).markets())
                .isInstanceOf(ExchangeUnavailableException.class);
    }

    @Test
    void errorNameMayBeANumber() {
        server.on("/v1/ticker", json(400, "{\"error\":{\"name\":400,\"message\":\"Invalid parameter\"}}"));

        assertThatThrownBy(() -> http().read(UpbitRequest.get("/v1/ticker", RateGroup.TICKER), TEXT))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessage("Upbit GET /v1/ticker: HTTP 400 400: Invalid parameter");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void authAndFundsErrorsMapToTheirExceptionsWithoutRetry() {
        server.on(
                "/v1/market/all",
                json(401, "{\"error\":{\"name\":\"jwt_verification\",\"message\":\"bad\"}}"),
                json(403, "{\"error\":{\"name\":\"out_of_scope\",\"message\":\"no\"}}"),
                json(400, "{\"error\":{\"name\":\"insufficient_funds_bid\",\"message\":\"funds\"}}"));
        UpbitHttp http = http();

        assertThatThrownBy(() -> http.read(MARKETS, TEXT)).isInstanceOf(AuthFailedException.class);
        assertThatThrownBy(() -> http.read(MARKETS, TEXT)).isInstanceOf(AuthFailedException.class);
        assertThatThrownBy(() -> http.read(MARKETS, TEXT)).isInstanceOf(InsufficientFundsException.class);
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void gzipResponsesAreDecodedTransparently() {
        server.on("/v1/market/all", ok(UpbitSamples.MARKETS).gzipped());

        assertThat(new UpbitExchangeAdapter(http()).markets()).hasSize(3);
        assertThat(server.received().get(0).headers().getFirst("Accept-Encoding"))
                .isEqualTo("gzip");
    }

    @Test
    void corruptGzipIsUnavailable() {
        server.on("/v1/market/all", ok("definitely not gzip").withHeader("Content-Encoding", "gzip"));
        UpbitHttp http = http(UpbitOptions.defaults(server.baseUrl(), "test").withMaxAttempts(1));

        assertThatThrownBy(() -> http.read(MARKETS, TEXT))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("gzip");
    }

    @Test
    void slowServerTimesOut() {
        server.on("/v1/market/all", FakeUpbitServer.Reply.hanging());
        UpbitOptions defaults = UpbitOptions.defaults(server.baseUrl(), "test");
        UpbitOptions quick = new UpbitOptions(
                defaults.baseUrl(),
                defaults.connectTimeout(),
                Duration.ofMillis(200),
                1,
                defaults.initialBackoff(),
                defaults.maxBackoff(),
                defaults.defaultBanDuration(),
                defaults.userAgent());

        assertThatThrownBy(() -> http(quick).read(MARKETS, TEXT))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void onlyGetRequestsAreRetriedAsReads() {
        UpbitRequest post = new UpbitRequest("POST", "/v1/orders", List.of(), RateGroup.ORDER);

        assertThatThrownBy(() -> http().read(post, TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void unreachableServerIsUnavailable() {
        UpbitOptions options = UpbitOptions.defaults(server.baseUrl(), "test").withMaxAttempts(2);
        server.close();

        assertThatThrownBy(() -> http(options).read(MARKETS, TEXT))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("network error");
        assertThat(sleeper.waits()).hasSize(1);
    }
}
