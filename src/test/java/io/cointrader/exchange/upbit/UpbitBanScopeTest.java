package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.json;
import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.exchange.RateLimitedException;
import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 418 blocks only what Upbit blocks: the exchange API per account pocket, market data per IP, each
 * apart from the other (upbit-api.md section 0a).
 */
class UpbitBanScopeTest {

    private static final BodyParser<String> TEXT = body -> new String(body, java.nio.charset.StandardCharsets.UTF_8);
    private static final UpbitRequest TICKER = UpbitRequest.get("/v1/ticker", RateGroup.TICKER, "markets", "KRW-BTC");
    private static final UpbitRequest CANDLES =
            UpbitRequest.get("/v1/candles/minutes/60", RateGroup.CANDLE, "market", "KRW-BTC");

    private final PrivateFixture fx = new PrivateFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aBlockOfTheExchangeApiLeavesMarketDataCallsAlone() {
        fx.server
                .on("/v1/accounts", json(418, "blocked").withHeader("Retry-After", "120"), ok(PrivateSamples.ACCOUNTS))
                .on("/v1/ticker", ok("[]"));
        UpbitHttp http = fx.http(fx.options());
        UpbitPrivateClient client = new UpbitPrivateClient(http, fx.signer());
        Instant start = fx.clock.instant();

        assertThatThrownBy(client::accounts).isInstanceOf(UpbitBanException.class);
        assertThat(http.read(TICKER, TEXT)).isEqualTo("[]");
        assertThatThrownBy(client::accounts)
                .isInstanceOf(UpbitBanException.class)
                .hasMessageContaining("exchange (private) API");
        assertThatThrownBy(() -> client.orderByIdentifier("bot-1")).isInstanceOf(UpbitBanException.class);

        assertThat(fx.received("/v1/accounts")).hasSize(1);
        assertThat(fx.received("/v1/ticker")).hasSize(1);
        assertThat(http.bannedUntil(RateGroup.Scope.EXCHANGE)).contains(start.plusSeconds(120));
        assertThat(http.bannedUntil(RateGroup.Scope.QUOTATION)).isEmpty();
        assertThat(http.bannedUntil()).contains(start.plusSeconds(120));

        fx.clock.advance(Duration.ofSeconds(120));
        assertThat(client.accounts()).hasSize(2);
        assertThat(http.bannedUntil()).isEmpty();
    }

    @Test
    void aBlockOfMarketDataLeavesTheExchangeApiAlone() {
        fx.server
                .on("/v1/ticker", json(418, "blocked").withHeader("Retry-After", "60"))
                .on("/v1/candles/minutes/60", ok("[]"))
                .on("/v1/accounts", ok(PrivateSamples.ACCOUNTS));
        UpbitHttp http = fx.http(fx.options());
        UpbitPrivateClient client = new UpbitPrivateClient(http, fx.signer());
        Instant start = fx.clock.instant();

        assertThatThrownBy(() -> http.read(TICKER, TEXT)).isInstanceOf(UpbitBanException.class);
        assertThatThrownBy(() -> http.read(CANDLES, TEXT))
                .isInstanceOf(UpbitBanException.class)
                .hasMessageContaining("market data");
        assertThat(client.accounts()).hasSize(2);

        assertThat(fx.received("/v1/candles/minutes/60")).isEmpty();
        assertThat(http.bannedUntil(RateGroup.Scope.QUOTATION)).contains(start.plusSeconds(60));
        assertThat(http.bannedUntil(RateGroup.Scope.EXCHANGE)).isEmpty();
    }

    @Test
    void bannedUntilReportsTheLatestBlockInForce() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T00:00:00Z"));
        UpbitThrottle throttle = new UpbitThrottle(clock, new RecordingSleeper(clock));
        Instant now = clock.instant();

        throttle.ban(RateGroup.Scope.QUOTATION, now.plusSeconds(300));
        throttle.ban(RateGroup.Scope.EXCHANGE, now.plusSeconds(30));
        throttle.ban(RateGroup.Scope.EXCHANGE, now.plusSeconds(10));

        assertThat(throttle.bannedUntil()).contains(now.plusSeconds(300));
        assertThat(throttle.bannedUntil(RateGroup.Scope.EXCHANGE)).contains(now.plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.bannedUntil(RateGroup.Scope.EXCHANGE)).isEmpty();
        assertThat(throttle.bannedUntil()).contains(now.plusSeconds(300));
    }

    @Test
    void everyGroupBelongsToTheScopeUpbitCountsItIn() throws InterruptedException {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T00:00:00Z"));
        UpbitThrottle throttle = new UpbitThrottle(clock, new RecordingSleeper(clock));
        throttle.ban(RateGroup.Scope.EXCHANGE, clock.instant().plusSeconds(60));

        for (RateGroup group : RateGroup.values()) {
            if (group.scope() == RateGroup.Scope.QUOTATION) {
                throttle.acquire(group, group.name());
            } else {
                assertThatThrownBy(() -> throttle.acquire(group, group.name()))
                        .as(group.name())
                        .isInstanceOf(RateLimitedException.class);
            }
        }
        assertThat(RateGroup.values())
                .filteredOn(g -> g.scope() == RateGroup.Scope.QUOTATION)
                .containsExactlyInAnyOrder(
                        RateGroup.MARKET, RateGroup.CANDLE, RateGroup.TRADE, RateGroup.TICKER, RateGroup.ORDERBOOK);
    }

    @Test
    void ordersMayGoTwelveTimesASecondAndOrderTestsEight() {
        assertThat(RateGroup.ORDER.permits()).isEqualTo(12);
        assertThat(RateGroup.ORDER_TEST.permits()).isEqualTo(8);
        assertThat(RateGroup.DEFAULT.permits()).isEqualTo(30);
    }
}
