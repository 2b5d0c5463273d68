package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.json;
import static io.cointrader.exchange.upbit.JwtCheck.sha512Hex;
import static io.cointrader.exchange.upbit.JwtCheck.verifiedClaims;
import static io.cointrader.exchange.upbit.PrivateFixture.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AuthFailedException;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.InsufficientFundsException;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.OrderRequest;
import io.cointrader.exchange.OutcomeUnknownException;
import io.cointrader.exchange.RateLimitedException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpbitOrderPlacementTest {

    private static final Symbol BTC = new Symbol("BTC", "KRW");
    private static final String ID = "bot1-cons-1774183342000-1";
    private static final OrderRequest BUY =
            new OrderRequest(BTC, Side.BUY, new BigDecimal("10000000"), new BigDecimal("0.00050000"), ID);

    private final PrivateFixture fx = new PrivateFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    private List<FakeUpbitServer.Received> posts() {
        return fx.received("/v1/orders");
    }

    @Test
    void placesALimitOrderWithTheJsonBodyInTheOrderOfTheQueryHash() throws Exception {
        fx.server.on("/v1/orders", json(201, PrivateSamples.ORDER_CREATED));

        ExchangeOrder order = fx.client().placeOrder(BUY);

        assertThat(posts()).hasSize(1);
        FakeUpbitServer.Received sent = posts().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.rawQuery()).isNull();
        assertThat(sent.headers().getFirst("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(sent.bodyText())
                .isEqualTo("{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"0.0005\",\"price\":\"10000000\","
                        + "\"ord_type\":\"limit\",\"identifier\":\"" + ID + "\"}");

        JsonNode body = new ObjectMapper().readTree(sent.body());
        String fromBody = JwtCheck.fieldNames(body).stream()
                .map(name -> name + "=" + body.get(name).asText())
                .collect(Collectors.joining("&"));
        String expected = "market=KRW-BTC&side=bid&volume=0.0005&price=10000000&ord_type=limit&identifier=" + ID;
        assertThat(fromBody).isEqualTo(expected);
        JsonNode claims = verifiedClaims(authorization(sent), fx.secretKey);
        assertThat(claims.get("query_hash").asText()).isEqualTo(sha512Hex(expected));
        assertThat(claims.get("query_hash_alg").asText()).isEqualTo("SHA512");
        assertThat(claims.get("access_key").asText()).isEqualTo(fx.accessKey);

        assertThat(order.uuid()).isEqualTo("82fe9b72-0c6a-4b2e-9a5f-3a1d2e4f5a6b");
        assertThat(order.identifier()).isEqualTo(ID);
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.ordType()).isEqualTo("limit");
        assertThat(order.state()).isEqualTo("wait");
        assertThat(order.isOpen()).isTrue();
        assertThat(order.price()).isEqualTo(new BigDecimal("10000000"));
        assertThat(order.volume()).isEqualTo(new BigDecimal("0.0005"));
        assertThat(order.remainingVolume()).isEqualByComparingTo("0.0005");
        assertThat(order.executedVolume()).isEqualByComparingTo("0");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-03-22T12:42:22Z"));
    }

    @Test
    void sellIsAnAskAndLargePricesAreSentWithoutExponent() {
        fx.server.on("/v1/orders", json(201, PrivateSamples.ORDER_CREATED));
        OrderRequest sell = new OrderRequest(BTC, Side.SELL, new BigDecimal("1.035E+8"), new BigDecimal("0.001"), ID);

        fx.client().placeOrder(sell);

        assertThat(posts().get(0).bodyText()).contains("\"side\":\"ask\"", "\"price\":\"103500000\"");
    }

    @Test
    void answerWithoutIdentifierCarriesOurs() {
        fx.server.on(
                "/v1/orders", json(201, PrivateSamples.ORDER_CREATED.replace(",\"identifier\":\"" + ID + "\"", "")));

        assertThat(fx.client().placeOrder(BUY).identifier()).isEqualTo(ID);
    }

    @Test
    void insufficientFundsIsItsOwnRejectionAndSentOnce() {
        fx.server.on("/v1/orders", json(400, PrivateSamples.error("insufficient_funds_bid", "주문가능한 금액(KRW)이 부족합니다.")));

        assertThatThrownBy(() -> fx.client().placeOrder(BUY))
                .isInstanceOf(InsufficientFundsException.class)
                .hasMessageContaining("insufficient_funds_bid");
        assertThat(posts()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "under_min_total_bid",
                "invalid_price_bid",
                "validation_error",
                "create_bid_error",
                "duplicate_identifier"
            })
    void otherBadRequestsAreRejectionsAndSentOnce(String name) {
        fx.server.on("/v1/orders", json(400, PrivateSamples.error(name, "rejected")));

        assertThatThrownBy(() -> fx.client().placeOrder(BUY))
                .isInstanceOf(OrderRejectedException.class)
                .isNotInstanceOf(InsufficientFundsException.class)
                .hasMessageContaining(name);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void refusedCredentialsAreAuthFailures() {
        fx.server.on("/v1/orders", json(401, PrivateSamples.error("invalid_query_payload", "bad hash")));

        assertThatThrownBy(() -> fx.client().placeOrder(BUY)).isInstanceOf(AuthFailedException.class);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void serverErrorIsAnUnknownOutcomeAfterExactlyOneRequest() {
        fx.server.on("/v1/orders", json(500, "{}"), json(201, PrivateSamples.ORDER_CREATED));

        assertThatThrownBy(() -> fx.client().placeOrder(BUY))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(posts()).hasSize(1);
        assertThat(fx.sleeper.waits()).isEmpty();
    }

    @Test
    void timeoutIsAnUnknownOutcomeAfterExactlyOneRequest() {
        fx.server.on("/v1/orders", FakeUpbitServer.Reply.hanging());

        assertThatThrownBy(() -> fx.client(fx.quickOptions()).placeOrder(BUY))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("timed out");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void droppedConnectionIsAnUnknownOutcomeAfterExactlyOneRequest() {
        fx.server.on("/v1/orders", FakeUpbitServer.Reply.dropped());

        assertThatThrownBy(() -> fx.client().placeOrder(BUY)).isInstanceOf(OutcomeUnknownException.class);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void truncatedCreatedBodyIsAnUnknownOutcome() {
        fx.server.on("/v1/orders", json(201, PrivateSamples.ORDER_CREATED).truncatedTo(40));

        assertThatThrownBy(() -> fx.client().placeOrder(BUY)).isInstanceOf(OutcomeUnknownException.class);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void unreadableCreatedBodyIsAnUnknownOutcome() {
        fx.server.on("/v1/orders", json(201, "{\"uuid\":\"82fe9b72\",\"side\":\"bid\""), json(201, "<html>ok</html>"));
        UpbitPrivateClient client = fx.client();

        assertThatThrownBy(() -> client.placeOrder(BUY))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> client.placeOrder(BUY)).isInstanceOf(OutcomeUnknownException.class);
        assertThat(posts()).hasSize(2);
    }

    @Test
    void tooManyRequestsMeansNotCreatedAndIsNotRetried() {
        fx.server.on("/v1/orders", json(429, "Too many requests"), json(201, PrivateSamples.ORDER_CREATED));

        assertThatThrownBy(() -> fx.client().placeOrder(BUY))
                .isInstanceOf(RateLimitedException.class)
                .isNotInstanceOf(OutcomeUnknownException.class);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void blockStopsOrdersWithoutSendingThem() {
        fx.server.on("/v1/orders", json(418, "blocked"), json(201, PrivateSamples.ORDER_CREATED));
        UpbitPrivateClient client = fx.client();

        assertThatThrownBy(() -> client.placeOrder(BUY)).isInstanceOf(UpbitBanException.class);
        assertThatThrownBy(() -> client.placeOrder(BUY)).isInstanceOf(UpbitBanException.class);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void ordersKeepToTwelvePerSecond() {
        fx.server.on("/v1/orders", json(201, PrivateSamples.ORDER_CREATED));
        UpbitPrivateClient client = fx.client();

        for (int i = 0; i < 12; i++) {
            client.placeOrder(BUY);
        }
        assertThat(fx.sleeper.waits()).isEmpty();
        client.placeOrder(BUY);

        assertThat(fx.sleeper.waits()).containsExactly(Duration.ofMillis(750));
        assertThat(posts()).hasSize(13);
    }

    @Test
    void ordersThatCannotBeValidAreRefusedBeforeSending() {
        UpbitPrivateClient client = fx.client();
        BigDecimal price = new BigDecimal("10000000");

        assertThatThrownBy(() ->
                        client.placeOrder(new OrderRequest(BTC, Side.BUY, price, new BigDecimal("0.000000001"), ID)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 decimals");
        assertThatThrownBy(() -> client.placeOrder(new OrderRequest(BTC, Side.BUY, price, BigDecimal.ZERO, ID)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.placeOrder(new OrderRequest(BTC, Side.BUY, price.negate(), BigDecimal.ONE, ID)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fx.server.received()).isEmpty();
    }

    @Test
    void stateChangingCallsAreNeverReadsAndReadsNeverStateChanging() {
        UpbitHttp http = fx.http(fx.options());
        UpbitRequest get = UpbitRequest.get("/v1/order", RateGroup.DEFAULT, "identifier", ID);
        UpbitRequest delete =
                UpbitRequest.delete("/v1/order", RateGroup.DEFAULT, UpbitRequest.params("identifier", ID));

        assertThatThrownBy(() -> http.send(get, fx.signer(), PrivateParser::order))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> http.read(delete, fx.signer(), PrivateParser::order))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fx.server.received()).isEmpty();
    }

    @Test
    void postBodiesAreJsonObjectsOfUniquePlainFields() {
        assertThatThrownBy(
                        () -> UpbitRequest.post("/v1/orders", RateGroup.ORDER, UpbitRequest.params("a", "1", "a", "2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpbitRequest(
                        "POST", "/v1/orders", UpbitRequest.params("market", "KRW-BTC"), RateGroup.ORDER, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] json = UpbitRequest.post("/v1/orders", RateGroup.ORDER, UpbitRequest.params("z", "1", "a", "\"2\""))
                .jsonBody();
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"z\":\"1\",\"a\":\"\\\"2\\\"\"}");
    }
}
