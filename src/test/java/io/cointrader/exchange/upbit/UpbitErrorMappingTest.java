package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AuthFailedException;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.InsufficientFundsException;
import io.cointrader.exchange.MarketUnavailableException;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.OrderRequest;
import io.cointrader.exchange.OutcomeUnknownException;
import io.cointrader.exchange.RateLimitedException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upbit's {@code error.name} decides the exception, whatever the status; the status decides otherwise. */
class UpbitErrorMappingTest {

    /** Statuses an Upbit error can come with; Upbit's guide says they differ between API areas. */
    private static final List<Integer> STATUSES = List.of(400, 401, 403, 404, 409, 422);

    private static final Map<String, Class<? extends ExchangeException>> KNOWN_NAMES = Map.ofEntries(
            Map.entry("insufficient_funds_bid", InsufficientFundsException.class),
            Map.entry("insufficient_funds_ask", InsufficientFundsException.class),
            Map.entry("order_not_found", UpbitOrderNotFoundException.class),
            Map.entry("under_min_total_bid", OrderRejectedException.class),
            Map.entry("under_min_total_ask", OrderRejectedException.class),
            Map.entry("invalid_price_bid", OrderRejectedException.class),
            Map.entry("invalid_price_ask", OrderRejectedException.class),
            Map.entry("create_ask_error", OrderRejectedException.class),
            Map.entry("create_bid_error", OrderRejectedException.class),
            Map.entry("validation_error", OrderRejectedException.class),
            Map.entry("invalid_parameter", OrderRejectedException.class),
            Map.entry("invalid_volume", OrderRejectedException.class),
            Map.entry("volume_too_large", OrderRejectedException.class),
            Map.entry("invalid_funds", OrderRejectedException.class),
            Map.entry("duplicate_identifier", OrderRejectedException.class),
            Map.entry("identifier_duplicated", OrderRejectedException.class),
            Map.entry("jwt_verification", AuthFailedException.class),
            Map.entry("invalid_query_payload", AuthFailedException.class),
            Map.entry("expired_access_key", AuthFailedException.class),
            Map.entry("nonce_used", AuthFailedException.class),
            Map.entry("no_authorization_ip", AuthFailedException.class),
            Map.entry("no_authorization_i_p", AuthFailedException.class),
            Map.entry("no_authorization_token", AuthFailedException.class),
            Map.entry("out_of_scope", AuthFailedException.class),
            Map.entry("invalid_access_key", AuthFailedException.class),
            Map.entry("thirdparty_agreement_required", AuthFailedException.class),
            Map.entry("market_offline", MarketUnavailableException.class),
            Map.entry("market_under_maintenance", MarketUnavailableException.class),
            Map.entry("trading_suspended", MarketUnavailableException.class));

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    static Stream<Arguments> everyKnownNameAtEveryStatus() {
        return KNOWN_NAMES.entrySet().stream()
                .flatMap(e -> STATUSES.stream().map(status -> Arguments.of(e.getKey(), status, e.getValue())));
    }

    @ParameterizedTest(name = "{0} at HTTP {1}")
    @MethodSource("everyKnownNameAtEveryStatus")
    void aKnownNameDecidesWhateverTheStatus(String name, int status, Class<? extends ExchangeException> expected) {
        ExchangeException error = map(status, error(name, "details"));

        assertThat(error).isExactlyInstanceOf(expected);
        assertThat(error.getMessage()).isEqualTo("Upbit POST /v1/orders: HTTP " + status + " " + name + ": details");
    }

    @Test
    void marketOfflineIsMarketUnavailableNotAuthFailed() {
        ExchangeException error = map(403, error("market_offline", "점검 중입니다"));

        assertThat(error).isInstanceOf(MarketUnavailableException.class).isNotInstanceOf(AuthFailedException.class);
    }

    @Test
    void orderNotFoundIsRecognisedAtAnyStatusButAnyOther404IsNot() {
        assertThat(map(400, error("order_not_found", "x"))).isInstanceOf(UpbitOrderNotFoundException.class);
        assertThat(map(404, error("no_route", "x")))
                .isExactlyInstanceOf(UpbitNotFoundException.class)
                .isInstanceOf(OrderRejectedException.class)
                .isNotInstanceOf(UpbitOrderNotFoundException.class);
    }

    @Test
    void unknownNumericAndMissingNamesFallBackToTheStatus() {
        byte[] unknown = error("something_new", "x");
        byte[] numeric = "{\"error\":{\"name\":404,\"message\":\"Code not found\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<html>Forbidden</html>".getBytes(StandardCharsets.UTF_8);

        for (byte[] body : List.of(unknown, numeric, html, new byte[0])) {
            assertThat(map(401, body)).isExactlyInstanceOf(AuthFailedException.class);
            assertThat(map(403, body)).isExactlyInstanceOf(AuthFailedException.class);
            assertThat(map(400, body)).isExactlyInstanceOf(OrderRejectedException.class);
            assertThat(map(404, body)).isExactlyInstanceOf(UpbitNotFoundException.class);
            assertThat(map(408, body)).isExactlyInstanceOf(ExchangeUnavailableException.class);
            assertThat(map(500, body)).isExactlyInstanceOf(ExchangeUnavailableException.class);
            assertThat(map(302, body)).isExactlyInstanceOf(ExchangeUnavailableException.class);
        }
    }

    @Test
    void rateLimitAndBlockStatusesWinOverTheName() {
        assertThat(map(429, error("validation_error", "x"))).isExactlyInstanceOf(RateLimitedException.class);
        assertThat(map(418, error("jwt_verification", "x"))).isExactlyInstanceOf(UpbitBanException.class);
    }

    @Test
    void aServerErrorStaysUnavailableEvenWithAKnownName() {
        // the server may have acted before failing: a 5xx is never a definite "no effect"
        assertThat(map(500, error("insufficient_funds_bid", "x")))
                .isExactlyInstanceOf(ExchangeUnavailableException.class);
        assertThat(map(503, error("market_offline", "x"))).isExactlyInstanceOf(ExchangeUnavailableException.class);
        assertThat(map(408, error("validation_error", "x"))).isExactlyInstanceOf(ExchangeUnavailableException.class);
    }

    @Test
    void namesAreReadWithoutRegardToCaseOrSurroundingSpace() {
        assertThat(map(400, error(" Market_Offline ", "x"))).isInstanceOf(MarketUnavailableException.class);
    }

    @Test
    void everyDefiniteAnswerToAnOrderPostMeansNotCreatedAndOnlyNoClearAnswerIsUnknown() {
        Symbol btc = Symbol.parse("BTC/KRW");
        OrderRequest buy =
                new OrderRequest(btc, Side.BUY, new BigDecimal("10000000"), new BigDecimal("0.0005"), "id-1");
        for (Map.Entry<String, Class<? extends ExchangeException>> e : KNOWN_NAMES.entrySet()) {
            for (int status : List.of(400, 403)) {
                try (PrivateFixture fx = new PrivateFixture()) {
                    fx.server.on("/v1/orders", json(status, PrivateSamples.error(e.getKey(), "no")));

                    assertThatThrownBy(() -> fx.client().placeOrder(buy))
                            .as("%s at %d", e.getKey(), status)
                            .isExactlyInstanceOf(e.getValue())
                            .isNotInstanceOf(OutcomeUnknownException.class);
                }
            }
        }
        for (FakeUpbitServer.Reply noClearAnswer : List.of(
                json(500, PrivateSamples.error("insufficient_funds_bid", "no")),
                json(502, "<html>bad gateway</html>"),
                json(201, "{\"uuid\":"))) {
            try (PrivateFixture fx = new PrivateFixture()) {
                fx.server.on("/v1/orders", noClearAnswer);

                assertThatThrownBy(() -> fx.client().placeOrder(buy)).isInstanceOf(OutcomeUnknownException.class);
            }
        }
    }

    private static ExchangeException map(int status, byte[] body) {
        return UpbitErrors.forStatus(
                "Upbit POST /v1/orders", status, body, Optional.empty(), NOW, Duration.ofMinutes(1));
    }

    private static byte[] error(String name, String message) {
        return ("{\"error\":{\"name\":\"" + name + "\",\"message\":\"" + message + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
