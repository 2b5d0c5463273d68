package io.cointrader.exchange.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UpbitProtocolTest {

    private static final byte[] NO_BODY = new byte[0];

    @Test
    void remainingReqHeaderIsParsedAndGroupNamesAreMapped() {
        assertThat(RemainingReq.parse("group=candles; min=600; sec=9"))
                .contains(new RemainingReq("candles", OptionalInt.of(9)));
        assertThat(RemainingReq.parse("group=default;sec=0")).contains(new RemainingReq("default", OptionalInt.of(0)));
        assertThat(RemainingReq.parse("group=ticker; min=600; sec=abc"))
                .contains(new RemainingReq("ticker", OptionalInt.empty()));
        assertThat(RemainingReq.parse("garbage")).isEmpty();
        assertThat(RateGroup.fromHeaderName("candles")).contains(RateGroup.CANDLE);
        assertThat(RateGroup.fromHeaderName("crix-trades")).contains(RateGroup.TRADE);
        assertThat(RateGroup.fromHeaderName("ORDERBOOK")).contains(RateGroup.ORDERBOOK);
        assertThat(RateGroup.fromHeaderName("something-new")).isEmpty();
    }

    @Test
    void requestPathsJoinTheBaseUrlWithoutDoubleSlashes() {
        UpbitOptions plain = UpbitOptions.defaults(URI.create("https://api.upbit.com"), "1");
        UpbitOptions slashed = UpbitOptions.defaults(URI.create("https://api.upbit.com/"), "1");
        UpbitOptions prefixed = UpbitOptions.defaults(URI.create("http://127.0.0.1:8080/sim/"), "1");

        assertThat(plain.resolve("/v1/ticker", "markets=KRW-BTC"))
                .isEqualTo(URI.create("https://api.upbit.com/v1/ticker?markets=KRW-BTC"));
        assertThat(slashed.resolve("/v1/market/all", "")).isEqualTo(URI.create("https://api.upbit.com/v1/market/all"));
        assertThat(prefixed.resolve("/v1/market/all", null))
                .isEqualTo(URI.create("http://127.0.0.1:8080/sim/v1/market/all"));
    }

    @Test
    void optionsRejectUnusableValues() {
        assertThatThrownBy(() -> UpbitOptions.defaults(URI.create("ftp://api.upbit.com"), "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpbitOptions.defaults(URI.create("https://api.upbit.com?x=1"), "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpbitOptions.defaults(URI.create("https://api.upbit.com"), "1")
                        .withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(UpbitOptions.defaults(UpbitOptions.DEFAULT_BASE_URL, null).userAgent())
                .isEqualTo("coin-trader/dev");
    }

    @Test
    void queryValuesArePercentEncoded() {
        UpbitRequest request = UpbitRequest.get(
                "/v1/candles/minutes/1", RateGroup.CANDLE, "market", "KRW-BTC", "to", "2025-06-24T13:56:53+09:00");

        assertThat(request.rawQuery()).isEqualTo("market=KRW-BTC&to=2025-06-24T13%3A56%3A53%2B09%3A00");
        assertThat(UpbitRequest.get("/v1/x", RateGroup.MARKET, "q", "a b").rawQuery())
                .isEqualTo("q=a%20b");
        assertThatThrownBy(() -> UpbitRequest.get("v1/ticker", RateGroup.TICKER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void banDurationIsReadFromHeaderOrBodyAndClamped() {
        assertThat(ban(Optional.of("120"), "")).contains(Duration.ofSeconds(120));
        assertThat(ban(Optional.empty(), "{\"error\":{\"name\":418,\"message\":\"blocked for 30 seconds\"}}"))
                .contains(Duration.ofSeconds(30));
        assertThat(ban(Optional.empty(), "{\"error\":{\"name\":\"blocked\",\"message\":\"1시간 30분 동안 차단\"}}"))
                .contains(Duration.ofMinutes(90));
        assertThat(ban(Optional.of("10"), "plain text: retry in 2 min")).contains(Duration.ofMinutes(2));
        assertThat(ban(Optional.of("0"), "")).contains(Duration.ofSeconds(1));
        assertThat(ban(Optional.empty(), "blocked 999999 hours")).contains(Duration.ofHours(24));
        assertThat(ban(Optional.of("soon"), "blocked")).isEmpty();
    }

    @Test
    void errorMessagesAreShortAndFreeOfControlCharacters() {
        String longMessage = "x".repeat(1000) + "\r\nSet-Cookie: a=b";
        byte[] body = ("{\"error\":{\"name\":\"invalid_parameter\",\"message\":\""
                        + longMessage.replace("\r\n", "\\r\\n") + "\"}}")
                .getBytes(StandardCharsets.UTF_8);

        String message = UpbitErrors.forStatus(
                        "Upbit GET /v1/ticker",
                        400,
                        body,
                        Optional.empty(),
                        java.time.Instant.EPOCH,
                        Duration.ofMinutes(1))
                .getMessage();

        assertThat(message).startsWith("Upbit GET /v1/ticker: HTTP 400 invalid_parameter: xxx");
        assertThat(message).hasSizeLessThan(250).doesNotContain("\n").doesNotContain("Set-Cookie");
        assertThat(UpbitErrors.forStatus("c", 500, NO_BODY, Optional.empty(), java.time.Instant.EPOCH, Duration.ZERO)
                        .getMessage())
                .isEqualTo("c: HTTP 500");
    }

    private static Optional<Duration> ban(Optional<String> retryAfter, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return UpbitErrors.banDuration(retryAfter, UpbitErrors.parseErrorBody(bytes), bytes);
    }
}
