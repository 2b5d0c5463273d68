package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.json;
import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.ok;
import static io.cointrader.exchange.upbit.JwtCheck.fieldNames;
import static io.cointrader.exchange.upbit.JwtCheck.sha512Hex;
import static io.cointrader.exchange.upbit.JwtCheck.verifiedClaims;
import static io.cointrader.exchange.upbit.PrivateFixture.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AccountBalance;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.OrderChance;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.OutcomeUnknownException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpbitPrivateClientTest {

    private static final Symbol BTC = new Symbol("BTC", "KRW");

    private final PrivateFixture fx = new PrivateFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void accountsAreSignedWithoutQueryHashAndParsedExactly() {
        fx.server.on("/v1/accounts", ok(PrivateSamples.ACCOUNTS));

        List<AccountBalance> accounts = fx.client().accounts();

        FakeUpbitServer.Received sent = fx.received("/v1/accounts").get(0);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.rawQuery()).isNull();
        JsonNode claims = verifiedClaims(authorization(sent), fx.secretKey);
        assertThat(fieldNames(claims)).containsExactly("access_key", "nonce");
        assertThat(claims.get("access_key").asText()).isEqualTo(fx.accessKey);
        assertThat(claims.get("nonce").asText()).isEqualTo("nonce-1");

        assertThat(accounts).hasSize(2);
        AccountBalance krw = accounts.get(0);
        assertThat(krw.currency()).isEqualTo("KRW");
        assertThat(krw.balance()).isEqualTo(new BigDecimal("50000.47"));
        assertThat(krw.locked()).isEqualByComparingTo("5002.5");
        assertThat(accounts.get(1).balance()).isEqualTo(new BigDecimal("0.00012345"));
        assertThat(accounts.get(1).avgBuyPrice()).isEqualByComparingTo("103460000");
        assertThat(accounts.get(1).unitCurrency()).isEqualTo("KRW");
    }

    @Test
    void chanceHashesTheMarketQueryAndReadsNumbersGivenAsStrings() {
        fx.server.on("/v1/orders/chance", ok(PrivateSamples.CHANCE_BTC));

        OrderChance chance = fx.client().chance(BTC);

        FakeUpbitServer.Received sent = fx.received("/v1/orders/chance").get(0);
        assertThat(sent.rawQuery()).isEqualTo("market=KRW-BTC");
        JsonNode claims = verifiedClaims(authorization(sent), fx.secretKey);
        assertThat(fieldNames(claims)).containsExactly("access_key", "nonce", "query_hash", "query_hash_alg");
        assertThat(claims.get("query_hash").asText()).isEqualTo(sha512Hex("market=KRW-BTC"));
        assertThat(claims.get("query_hash_alg").asText()).isEqualTo("SHA512");

        assertThat(chance.symbol()).isEqualTo(BTC);
        assertThat(chance.bidFee()).isEqualTo(new BigDecimal("0.0005"));
        assertThat(chance.askFee()).isEqualByComparingTo("0.0005");
        assertThat(chance.bidMinTotal()).isEqualByComparingTo("5000");
        assertThat(chance.askMinTotal()).isEqualByComparingTo("5000");
        assertThat(chance.maxTotal()).isEqualByComparingTo("1000000000");
        assertThat(chance.tradable()).isTrue();
    }

    @Test
    void chanceForAnotherMarketIsRefused() {
        fx.server.on("/v1/orders/chance", ok(PrivateSamples.CHANCE_BTC));

        assertThatThrownBy(() -> fx.client(fx.options().withMaxAttempts(1)).chance(new Symbol("ETH", "KRW")))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("another market");
    }

    @Test
    void everyRequestAndEveryRetryCarriesAFreshRandomNonce() {
        fx.server.on("/v1/accounts", json(500, "{}"), ok(PrivateSamples.ACCOUNTS));
        UpbitPrivateClient client = new UpbitPrivateClient(fx.http(fx.options()), fx.credentials());

        client.accounts();
        client.accounts();

        List<String> nonces = fx.received("/v1/accounts").stream()
                .map(r -> verifiedClaims(authorization(r), fx.secretKey)
                        .get("nonce")
                        .asText())
                .toList();
        assertThat(nonces).hasSize(3).doesNotHaveDuplicates();
        nonces.forEach(n -> assertThat(UUID.fromString(n).toString()).isEqualTo(n));
    }

    @Test
    void arrayAndOffsetTimeParametersAreHashedUnencodedButSentEncoded() {
        fx.server.on("/v1/orders/closed", ok("[]"));
        List<UpbitRequest.Param> query = new ArrayList<>(UpbitRequest.params("market", "KRW-BTC"));
        query.addAll(UpbitRequest.Param.array("states", List.of("done", "cancel")));
        query.addAll(UpbitRequest.params("start_time", "2026-03-22T21:42:22+09:00"));
        UpbitRequest closed = UpbitRequest.get("/v1/orders/closed", RateGroup.DEFAULT, query);

        assertThat(fx.http(fx.options()).read(closed, fx.signer(), PrivateParser::orders))
                .isEmpty();

        String hashed = "market=KRW-BTC&states[]=done&states[]=cancel&start_time=2026-03-22T21:42:22+09:00";
        FakeUpbitServer.Received sent = fx.received("/v1/orders/closed").get(0);
        assertThat(sent.rawQuery())
                .isEqualTo("market=KRW-BTC&states%5B%5D=done&states%5B%5D=cancel"
                        + "&start_time=2026-03-22T21%3A42%3A22%2B09%3A00");
        assertThat(URLDecoder.decode(sent.rawQuery(), StandardCharsets.UTF_8)).isEqualTo(hashed);
        JsonNode claims = verifiedClaims(authorization(sent), fx.secretKey);
        assertThat(claims.get("query_hash").asText()).isEqualTo(sha512Hex(hashed));
    }

    @Test
    void orderByIdentifierReadsTheOrderWithItsTrades() {
        fx.server.on("/v1/order", ok(PrivateSamples.ORDER_WITH_TRADES));

        ExchangeOrder order =
                fx.client().orderByIdentifier("bot1-cons-1774183342000-2").orElseThrow();

        FakeUpbitServer.Received sent = fx.received("/v1/order").get(0);
        assertThat(sent.rawQuery()).isEqualTo("identifier=bot1-cons-1774183342000-2");
        assertThat(verifiedClaims(authorization(sent), fx.secretKey)
                        .get("query_hash")
                        .asText())
                .isEqualTo(sha512Hex("identifier=bot1-cons-1774183342000-2"));

        assertThat(order.uuid()).isEqualTo("9a1b2c3d-0000-4000-8000-000000000001");
        assertThat(order.identifier()).isEqualTo("bot1-cons-1774183342000-2");
        assertThat(order.symbol()).isEqualTo(BTC);
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.state()).isEqualTo("done");
        assertThat(order.isOpen()).isFalse();
        assertThat(order.executedVolume()).isEqualByComparingTo("0.001");
        assertThat(order.paidFee()).isEqualByComparingTo("51.75");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-03-22T12:42:22.123Z"));
        assertThat(order.trades()).hasSize(2);
        ExchangeOrder.Trade first = order.trades().get(0);
        assertThat(first.uuid()).isEqualTo("t-1");
        assertThat(first.price()).isEqualByComparingTo("103500000");
        assertThat(first.volume()).isEqualTo(new BigDecimal("0.0004"));
        assertThat(first.funds()).isEqualByComparingTo("41400");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-22T12:42:23Z"));
        ExchangeOrder.Trade second = order.trades().get(1);
        assertThat(second.volume()).isEqualTo(new BigDecimal("0.0006"));
        assertThat(second.funds()).isEqualByComparingTo("62100");
    }

    @Test
    void orderByUuidReadsAMarketBuyWithoutVolume() {
        fx.server.on("/v1/order", ok(PrivateSamples.PRICE_ORDER));

        ExchangeOrder order =
                fx.client().orderByUuid("5f5f5f5f-0000-4000-8000-000000000002").orElseThrow();

        assertThat(fx.received("/v1/order").get(0).rawQuery()).isEqualTo("uuid=5f5f5f5f-0000-4000-8000-000000000002");
        assertThat(order.ordType()).isEqualTo("price");
        assertThat(order.state()).isEqualTo("cancel");
        assertThat(order.volume()).isNull();
        assertThat(order.remainingVolume()).isNull();
        assertThat(order.price()).isEqualByComparingTo("10000");
        assertThat(order.executedVolume()).isEqualTo(new BigDecimal("0.00009661"));
        assertThat(order.trades()).isEmpty();
    }

    @Test
    void unknownOrderIsEmptyButAnyOther404Fails() {
        fx.server.on(
                "/v1/order",
                json(404, PrivateSamples.ORDER_NOT_FOUND),
                json(404, "{\"error\":{\"name\":404,\"message\":\"Code not found\"}}"));
        UpbitPrivateClient client = fx.client();

        assertThat(client.orderByIdentifier("bot1-x-1")).isEmpty();
        assertThatThrownBy(() -> client.orderByIdentifier("bot1-x-1"))
                .isInstanceOf(OrderRejectedException.class)
                .isNotInstanceOf(UpbitOrderNotFoundException.class);
        assertThat(fx.received("/v1/order")).hasSize(2);
    }

    @Test
    void lookupsRefuseIdsThatWouldNeedEscaping() {
        UpbitPrivateClient client = fx.client();

        assertThatThrownBy(() -> client.orderByIdentifier("a&b=c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.orderByUuid("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.cancelByIdentifier("x y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(fx.server.received()).isEmpty();
    }

    @Test
    void openOrdersArePagedUntilAShortPage() {
        fx.server.on(
                "/v1/orders/open",
                ok(PrivateSamples.openOrders("p1", 100)),
                ok(PrivateSamples.openOrders("p2", 100)),
                ok(PrivateSamples.openOrders("p3", 37)));

        List<ExchangeOrder> open = fx.client().openOrders(BTC);

        assertThat(open).hasSize(237);
        assertThat(open).allSatisfy(o -> assertThat(o.isOpen()).isTrue());
        assertThat(open.get(236).identifier()).isEqualTo("id-p3-36");
        List<FakeUpbitServer.Received> pages = fx.received("/v1/orders/open");
        assertThat(pages).hasSize(3);
        for (int page = 1; page <= 3; page++) {
            String query = "market=KRW-BTC&state=wait&page=" + page + "&limit=100";
            FakeUpbitServer.Received sent = pages.get(page - 1);
            assertThat(sent.rawQuery()).isEqualTo(query);
            assertThat(verifiedClaims(authorization(sent), fx.secretKey)
                            .get("query_hash")
                            .asText())
                    .isEqualTo(sha512Hex(query));
        }
    }

    @Test
    void exactlyFullLastPageIsFollowedByOneEmptyPage() {
        fx.server.on("/v1/orders/open", ok(PrivateSamples.openOrders("p1", 100)), ok("[]"));

        assertThat(fx.client().openOrders(BTC)).hasSize(100);
        assertThat(fx.received("/v1/orders/open")).hasSize(2);
    }

    @Test
    void serverThatIgnoresThePageIsNotFollowedForever() {
        fx.server.on("/v1/orders/open", ok(PrivateSamples.openOrders("same", 100)));

        assertThatThrownBy(() -> fx.client().openOrders(BTC))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("more than 5000");
        assertThat(fx.received("/v1/orders/open")).hasSize(UpbitPrivateClient.MAX_OPEN_ORDER_PAGES);
    }

    @Test
    void cancelSendsOneSignedDeleteWithTheQueryOnlyAndNoBody() {
        fx.server.on("/v1/order", ok(PrivateSamples.CANCEL_ACCEPTED));

        ExchangeOrder order = fx.client().cancelByIdentifier("bot1-cons-1774183342000-1");

        List<FakeUpbitServer.Received> sent = fx.received("/v1/order");
        assertThat(sent).hasSize(1);
        FakeUpbitServer.Received delete = sent.get(0);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.rawQuery()).isEqualTo("identifier=bot1-cons-1774183342000-1");
        assertThat(delete.body()).isEmpty();
        assertThat(delete.headers().getFirst("Content-Type")).isNull();
        assertThat(verifiedClaims(authorization(delete), fx.secretKey)
                        .get("query_hash")
                        .asText())
                .isEqualTo(sha512Hex("identifier=bot1-cons-1774183342000-1"));
        assertThat(order.state()).isEqualTo("wait");
        assertThat(order.identifier()).isEqualTo("bot1-cons-1774183342000-1");
    }

    @Test
    void cancelOfAnUnknownOrderIsRejectedOnce() {
        fx.server.on("/v1/order", json(404, PrivateSamples.ORDER_NOT_FOUND));

        assertThatThrownBy(() -> fx.client().cancelByIdentifier("bot1-x-9"))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("order not found");
        assertThat(fx.received("/v1/order")).hasSize(1);
    }

    @Test
    void cancelWithoutAnAnswerIsUnavailableAndNotRetried() {
        fx.server.on("/v1/order", FakeUpbitServer.Reply.hanging());

        assertThatThrownBy(() -> fx.client(fx.quickOptions()).cancelByIdentifier("bot1-x-9"))
                .isInstanceOf(ExchangeUnavailableException.class)
                .isNotInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("timed out");
        assertThat(fx.received("/v1/order")).hasSize(1);
    }

    @Test
    void cancelServerErrorIsUnavailableAndNotRetried() {
        fx.server.on("/v1/order", json(503, "{}"));

        assertThatThrownBy(() -> fx.client().cancelByIdentifier("bot1-x-9"))
                .isInstanceOf(ExchangeUnavailableException.class);
        assertThat(fx.received("/v1/order")).hasSize(1);
        assertThat(fx.sleeper.waits()).isEmpty();
    }

    @Test
    void remainingZeroInTheDefaultGroupMakesTheNextReadWait() {
        fx.server.on(
                "/v1/accounts",
                ok(PrivateSamples.ACCOUNTS).withHeader("Remaining-Req", "group=default; min=1800; sec=0"));
        UpbitPrivateClient client = fx.client();

        client.accounts();
        assertThat(fx.sleeper.waits()).isEmpty();
        client.accounts();

        assertThat(fx.sleeper.waits()).containsExactly(Duration.ofMillis(750));
    }

    @Test
    void lookupOfAMissingOrderDoesNotRetry() {
        fx.server.on("/v1/order", json(404, PrivateSamples.ORDER_NOT_FOUND));

        Optional<ExchangeOrder> none = fx.client().orderByUuid("82fe9b72-0c6a-4b2e-9a5f-3a1d2e4f5a6b");

        assertThat(none).isEmpty();
        assertThat(fx.received("/v1/order")).hasSize(1);
        assertThat(fx.sleeper.waits()).isEmpty();
    }
}
