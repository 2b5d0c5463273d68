package io.cointrader.sim;

import static io.cointrader.sim.SimClient.errorName;
import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.exchange.replay.ReplayClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeEndpointsTest {

    private final ReplayClock clock = new ReplayClock(SimFixtures.T0.plus(Duration.ofMinutes(5)));
    private UpbitSimulator simulator;
    private SimClient client;

    @BeforeEach
    void start() {
        simulator = new UpbitSimulator(SimFixtures.config(clock).build()).start();
        client = new SimClient(simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void accountsListKrwWithStringNumbers() {
        HttpResponse<String> response = client.signedGet(ALICE, "/v1/accounts");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode accounts = json(response);
        assertThat(accounts).hasSize(1);
        JsonNode krw = accounts.get(0);
        assertThat(krw.get("currency").asText()).isEqualTo("KRW");
        assertThat(krw.get("balance").isTextual()).isTrue();
        assertThat(krw.get("balance").asText()).isEqualTo("10000000");
        assertThat(krw.get("locked").asText()).isEqualTo("0");
        assertThat(krw.get("unit_currency").asText()).isEqualTo("KRW");
    }

    @Test
    void chanceIsOneObjectWithFeesLimitsAndBothAccounts() {
        JsonNode chance = json(client.signedGet(ALICE, "/v1/orders/chance", "market", "KRW-BTC"));

        assertThat(chance.isObject()).isTrue();
        assertThat(chance.get("bid_fee").asText()).isEqualTo("0.0005");
        assertThat(chance.get("maker_ask_fee").asText()).isEqualTo("0.0005");
        assertThat(chance.at("/market/id").asText()).isEqualTo("KRW-BTC");
        assertThat(chance.at("/market/name").asText()).isEqualTo("BTC/KRW");
        assertThat(chance.at("/market/bid/min_total").asText()).isEqualTo("5000");
        assertThat(chance.at("/market/ask/currency").asText()).isEqualTo("BTC");
        assertThat(chance.at("/market/max_total").asText()).isEqualTo("1000000000");
        assertThat(chance.at("/market/state").asText()).isEqualTo("active");
        assertThat(chance.at("/bid_account/balance").asText()).isEqualTo("10000000");
        assertThat(chance.at("/ask_account/currency").asText()).isEqualTo("BTC");
        assertThat(chance.at("/ask_account/balance").asText()).isEqualTo("0");
    }

    @Test
    void placedBidIsCreatedWithItsFundsAndFeeLocked() {
        HttpResponse<String> response = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.0005", "10000000", "id-1");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode order = json(response);
        assertThat(order.get("state").asText()).isEqualTo("wait");
        assertThat(order.get("side").asText()).isEqualTo("bid");
        assertThat(order.get("ord_type").asText()).isEqualTo("limit");
        assertThat(order.get("price").asText()).isEqualTo("10000000");
        assertThat(order.get("volume").asText()).isEqualTo("0.0005");
        assertThat(order.get("reserved_fee").asText()).isEqualTo("2.5");
        assertThat(order.get("locked").asText()).isEqualTo("5002.5");
        assertThat(order.get("identifier").asText()).isEqualTo("id-1");
        assertThat(order.get("created_at").asText()).isEqualTo("2025-01-01T09:05:00+09:00");
        assertThat(order.has("trades")).isFalse();
        SimBalance krw = simulator.state().balance(ALICE.accessKey(), "KRW");
        assertThat(krw.balance()).isEqualByComparingTo("9994997.5");
        assertThat(krw.locked()).isEqualByComparingTo("5002.5");
    }

    @Test
    void orderIsFoundByUuidOrIdentifierWithTradesButNotByAnotherAccount() {
        String uuid = json(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "find-me"))
                .get("uuid")
                .asText();

        JsonNode byUuid = json(client.signedGet(ALICE, "/v1/order", "uuid", uuid));
        JsonNode byIdentifier = json(client.signedGet(ALICE, "/v1/order", "identifier", "find-me"));
        HttpResponse<String> bobs = client.signedGet(BOB, "/v1/order", "uuid", uuid);
        HttpResponse<String> unknown = client.signedGet(ALICE, "/v1/order", "identifier", "never-placed");

        assertThat(byUuid.get("identifier").asText()).isEqualTo("find-me");
        assertThat(byUuid.get("trades").isArray()).isTrue();
        assertThat(byIdentifier.get("uuid").asText()).isEqualTo(uuid);
        assertThat(bobs.statusCode()).isEqualTo(404);
        assertThat(errorName(bobs)).isEqualTo("order_not_found");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errorName(unknown)).isEqualTo("order_not_found");
    }

    @Test
    void identifierIsUniqueForeverEvenAfterARejectedOrder() {
        client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "once");
        HttpResponse<String> again = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "once");
        HttpResponse<String> rejected =
                client.placeLimit(ALICE, "KRW-BTC", "bid", "0.00000001", "90000000", "failed-once");
        HttpResponse<String> retry = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "failed-once");
        HttpResponse<String> otherAccount = client.placeLimit(BOB, "KRW-BTC", "bid", "0.001", "90000000", "once");

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(errorName(again)).isEqualTo("duplicate_identifier");
        assertThat(errorName(rejected)).isEqualTo("under_min_total_bid");
        assertThat(errorName(retry)).isEqualTo("duplicate_identifier");
        assertThat(otherAccount.statusCode()).isEqualTo(201);
        assertThat(simulator.state().orders(ALICE.accessKey())).hasSize(1);
    }

    @Test
    void rejectsOrdersWithUpbitErrorNames() {
        assertRejected(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000500", "a"), "invalid_price_bid");
        assertRejected(client.placeLimit(ALICE, "KRW-BTC", "ask", "0.001", "90000500", "b"), "invalid_price_ask");
        assertRejected(client.placeLimit(ALICE, "KRW-BTC", "ask", "0.00001", "90000000", "c"), "under_min_total_ask");
        assertRejected(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.2", "90000000", "d"), "insufficient_funds_bid");
        assertRejected(client.placeLimit(ALICE, "KRW-BTC", "ask", "0.001", "90000000", "e"), "insufficient_funds_ask");
        assertRejected(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.000000001", "900000000", "f"), "validation_error");
        assertRejected(client.placeLimit(ALICE, "KRW-DOGE", "bid", "1", "9000", "g"), "validation_error");
        assertRejected(client.placeLimit(ALICE, "KRW-BTC", "buy", "0.001", "90000000", "h"), "validation_error");
        assertRejected(
                client.signedPost(
                        ALICE, "/v1/orders", "market", "KRW-BTC", "side", "bid", "price", "10000", "ord_type", "price"),
                "validation_error");
        assertThat(simulator.state().orders(ALICE.accessKey())).isEmpty();
        assertThat(simulator.state().balance(ALICE.accessKey(), "KRW").locked()).isZero();
    }

    @Test
    void bidNeedsTheFeeOnTopOfTheTotal() {
        // 10,000,000 KRW buys at most 9,995,002.49 KRW of coin once the 0.05 % fee is added.
        HttpResponse<String> tooMuch = client.placeLimit(ALICE, "KRW-ETH", "bid", "2", "5000000", "all-in");
        HttpResponse<String> fits = client.placeLimit(ALICE, "KRW-ETH", "bid", "1.999", "5000000", "almost");

        assertThat(errorName(tooMuch)).isEqualTo("insufficient_funds_bid");
        assertThat(fits.statusCode()).isEqualTo(201);
        assertThat(json(fits).get("locked").asText()).isEqualTo("9999997.5");
    }

    @Test
    void cancelIsAcceptedInWaitThenTakesEffectAndReleasesTheFunds() {
        String uuid = json(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "to-cancel"))
                .get("uuid")
                .asText();

        HttpResponse<String> accepted = client.signedDelete(ALICE, "/v1/order", "uuid", uuid);
        SimOrder pending = simulator.state().order(uuid).orElseThrow();
        JsonNode after = json(client.signedGet(ALICE, "/v1/order", "identifier", "to-cancel"));
        HttpResponse<String> twice = client.signedDelete(ALICE, "/v1/order", "identifier", "to-cancel");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).get("state").asText()).isEqualTo("wait");
        assertThat(pending.cancelRequested()).isTrue();
        assertThat(after.get("state").asText()).isEqualTo("cancel");
        assertThat(after.get("locked").asText()).isEqualTo("0");
        assertThat(twice.statusCode()).isEqualTo(404);
        assertThat(errorName(twice)).isEqualTo("order_not_found");
        SimBalance krw = simulator.state().balance(ALICE.accessKey(), "KRW");
        assertThat(krw.balance()).isEqualByComparingTo(SimFixtures.INITIAL_KRW);
        assertThat(krw.locked()).isZero();
    }

    @Test
    void openOrdersArePagedNewestFirstPerMarket() {
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            uuids.add(json(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "open-" + i))
                    .path("uuid")
                    .asText());
        }
        client.placeLimit(ALICE, "KRW-ETH", "bid", "0.01", "4000000", "eth-open");
        client.placeLimit(BOB, "KRW-BTC", "bid", "0.001", "90000000", "bobs");

        JsonNode page1 = json(client.signedGet(
                ALICE, "/v1/orders/open", "market", "KRW-BTC", "state", "wait", "page", "1", "limit", "2"));
        JsonNode page3 =
                json(client.signedGet(ALICE, "/v1/orders/open", "market", "KRW-BTC", "page", "3", "limit", "2"));
        JsonNode all = json(client.signedGet(ALICE, "/v1/orders/open", "states[]", "wait", "order_by", "asc"));
        JsonNode watch = json(client.signedGet(ALICE, "/v1/orders/open", "state", "watch"));

        assertThat(page1).extracting(n -> n.get("uuid").asText()).containsExactly(uuids.get(4), uuids.get(3));
        assertThat(page1.get(0).has("executed_funds")).isTrue();
        assertThat(page3).extracting(n -> n.get("uuid").asText()).containsExactly(uuids.get(0));
        assertThat(all).hasSize(6);
        assertThat(all.get(0).get("uuid").asText()).isEqualTo(uuids.get(0));
        assertThat(watch).isEmpty();
    }

    @Test
    void accountsShowCoinsOnlyWhileHeld() {
        assertThat(json(client.signedGet(ALICE, "/v1/accounts"))).hasSize(1);
        client.placeLimit(ALICE, "KRW-ETH", "bid", "0.01", "5000000", "buy-eth");
        clock.advance(Duration.ofMinutes(1));
        simulator.match();

        JsonNode accounts = json(client.signedGet(ALICE, "/v1/accounts"));

        assertThat(accounts).extracting(n -> n.get("currency").asText()).containsExactly("ETH", "KRW");
        assertThat(accounts.get(0).get("balance").asText()).isEqualTo("0.01");
        assertThat(accounts.get(0).get("avg_buy_price").asText()).isEqualTo("5000000");
    }

    private static void assertRejected(HttpResponse<String> response, String name) {
        assertThat(response.statusCode()).as(name).isEqualTo(400);
        assertThat(errorName(response)).as(response.body()).isEqualTo(name);
    }
}
