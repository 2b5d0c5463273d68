package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.json;
import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.ok;
import static io.cointrader.exchange.upbit.JwtCheck.sha512Hex;
import static io.cointrader.exchange.upbit.JwtCheck.verifiedClaims;
import static io.cointrader.exchange.upbit.PrivateFixture.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.UnsupportedEndpointException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code allOpenOrders} and {@code closedOrders} of {@link UpbitPrivateClient} against a scripted Upbit. */
class UpbitOrderListsTest {

    private static final String CLOSED = "/v1/orders/closed";
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final long WINDOW_MILLIS = Duration.ofDays(7).minusSeconds(1).toMillis();

    private final PrivateFixture fx = new PrivateFixture();

    /** The window one request asked for, in epoch milliseconds. */
    private record Sent(long startTime, long endTime) {}

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void allOpenOrdersAskWithoutAMarketAndKeepEveryMarketAcrossPages() {
        fx.server.on(
                "/v1/orders/open",
                ok(PrivateSamples.orders("btc", 100, "wait", "KRW-BTC")),
                ok(PrivateSamples.orders("eth", 3, "wait", "KRW-ETH")));

        List<ExchangeOrder> open = fx.client().allOpenOrders();

        assertThat(open).hasSize(103);
        assertThat(open.get(102).symbol()).isEqualTo(new Symbol("ETH", "KRW"));
        List<FakeUpbitServer.Received> pages = fx.received("/v1/orders/open");
        assertThat(pages).hasSize(2);
        for (int page = 1; page <= 2; page++) {
            String query = "state=wait&page=" + page + "&limit=100";
            FakeUpbitServer.Received sent = pages.get(page - 1);
            assertThat(sent.rawQuery()).isEqualTo(query);
            assertThat(queryHash(sent)).isEqualTo(sha512Hex(query));
        }
    }

    @Test
    void allOpenOrdersStopAtThePageGuardOfAServerThatIgnoresThePage() {
        fx.server.on("/v1/orders/open", ok(PrivateSamples.openOrders("same", 100)));

        assertThatThrownBy(() -> fx.client().allOpenOrders())
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("more than 5000 open orders for the account");
        assertThat(fx.received("/v1/orders/open")).hasSize(UpbitPrivateClient.MAX_OPEN_ORDER_PAGES);
    }

    @Test
    void closedOrdersAskForDoneAndCancelWithMillisecondTimesHashedExactlyAsSent() {
        fx.server.on(CLOSED, ok(PrivateSamples.orders("c", 2, "done", "KRW-BTC")));
        Instant to = FROM.plus(Duration.ofHours(5)).plusNanos(1_500_000);

        List<ExchangeOrder> closed = fx.client().closedOrders(FROM, to);

        assertThat(closed).extracting(ExchangeOrder::uuid).containsExactly("c-0", "c-1");
        FakeUpbitServer.Received sent = fx.received(CLOSED).get(0);
        String hashed = "states[]=done&states[]=cancel&start_time=" + FROM.toEpochMilli() + "&end_time="
                + (to.toEpochMilli() + 1) + "&limit=1000&order_by=desc";
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.rawQuery()).isEqualTo(hashed.replace("[]", "%5B%5D"));
        assertThat(URLDecoder.decode(sent.rawQuery(), StandardCharsets.UTF_8)).isEqualTo(hashed);
        assertThat(queryHash(sent)).isEqualTo(sha512Hex(hashed));
    }

    @Test
    void spanLongerThanSevenDaysIsReadInAdjoiningWindowsNewestFirst() {
        fx.server.on(
                CLOSED,
                ok(PrivateSamples.orders("newest", 2, "done", "KRW-BTC")),
                ok(PrivateSamples.orders("middle", 1, "cancel", "KRW-ETH")),
                ok(PrivateSamples.orders("oldest", 1, "done", "KRW-BTC")));
        Instant to = FROM.plus(Duration.ofDays(16));

        List<ExchangeOrder> closed = fx.client().closedOrders(FROM, to);

        assertThat(closed)
                .extracting(ExchangeOrder::uuid)
                .containsExactly("newest-0", "newest-1", "middle-0", "oldest-0");
        long f = FROM.toEpochMilli();
        assertThat(windows())
                .containsExactly(
                        new Sent(f + 2 * WINDOW_MILLIS, to.toEpochMilli()),
                        new Sent(f + WINDOW_MILLIS, f + 2 * WINDOW_MILLIS),
                        new Sent(f, f + WINDOW_MILLIS));
    }

    @Test
    void fullWindowIsSplitInHalvesAndAskedAgainSoNoOrderIsLost() {
        fx.server.on(
                CLOSED,
                ok(PrivateSamples.orders("full", 1000, "done", "KRW-BTC")),
                ok(PrivateSamples.orders("upper", 3, "done", "KRW-BTC")),
                ok(PrivateSamples.orders("lower", 2, "cancel", "KRW-BTC")));
        Instant to = FROM.plus(Duration.ofDays(1));

        List<ExchangeOrder> closed = fx.client().closedOrders(FROM, to);

        assertThat(closed)
                .extracting(ExchangeOrder::uuid)
                .containsExactly("upper-0", "upper-1", "upper-2", "lower-0", "lower-1");
        long f = FROM.toEpochMilli();
        long middle = f + Duration.ofHours(12).toMillis();
        assertThat(windows())
                .containsExactly(
                        new Sent(f, to.toEpochMilli()), new Sent(middle, to.toEpochMilli()), new Sent(f, middle));
    }

    @Test
    void orderOnTheSharedBoundaryOfTwoWindowsAppearsOnce() {
        fx.server.on(
                CLOSED,
                ok(PrivateSamples.orders("edge", 2, "done", "KRW-BTC")),
                ok(PrivateSamples.orders("edge", 3, "done", "KRW-BTC")));

        List<ExchangeOrder> closed = fx.client().closedOrders(FROM, FROM.plus(Duration.ofDays(10)));

        assertThat(closed).extracting(ExchangeOrder::uuid).containsExactly("edge-0", "edge-1", "edge-2");
        assertThat(fx.received(CLOSED)).hasSize(2);
    }

    @Test
    void serverWithoutTheClosedListIsAnUnsupportedEndpointAskedOnce() {
        // FakeUpbitServer answers unscripted paths 404 {"error":{"name":404,...}}, as simulators without the list did
        assertThatThrownBy(() -> fx.client().closedOrders(FROM, FROM.plus(Duration.ofHours(1))))
                .isInstanceOf(UnsupportedEndpointException.class)
                .hasMessageContaining("/v1/orders/closed is not served here");
        assertThat(fx.received(CLOSED)).hasSize(1);
        assertThat(fx.sleeper.waits()).isEmpty();
    }

    @Test
    void otherRefusalsOfTheClosedListAreNotMistakenForAMissingEndpoint() {
        fx.server.on(CLOSED, json(400, PrivateSamples.error("validation_error", "bad window")));

        assertThatThrownBy(() -> fx.client().closedOrders(FROM, FROM.plus(Duration.ofHours(1))))
                .isInstanceOf(OrderRejectedException.class)
                .isNotInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("validation_error");
    }

    @Test
    void serverThatIgnoresTheWindowIsSplitOnlyDownToOneMillisecond() {
        fx.server.on(CLOSED, ok(PrivateSamples.orders("same", 1000, "done", "KRW-BTC")));

        assertThatThrownBy(() -> fx.client().closedOrders(FROM, FROM.plus(Duration.ofDays(1))))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("within one millisecond");
        // one day is 86,400,000 ms: 27 halvings reach a single millisecond
        assertThat(fx.received(CLOSED)).hasSize(28);
    }

    @Test
    void spanNeedingMoreRequestsThanTheGuardFailsInsteadOfReadingOn() {
        FakeUpbitServer.Reply full = ok(PrivateSamples.orders("full", 1000, "done", "KRW-BTC"));
        FakeUpbitServer.Reply some = ok(PrivateSamples.orders("some", 1, "done", "KRW-BTC"));
        for (int window = 0; window < 40; window++) {
            fx.server.on(CLOSED, full, some, some);
        }

        assertThatThrownBy(() -> fx.client().closedOrders(FROM, FROM.plus(Duration.ofDays(280))))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("more than 100 requests");
        assertThat(fx.received(CLOSED)).hasSize(ClosedOrderWindows.MAX_REQUESTS);
    }

    @Test
    void fullPageWithinOneMillisecondCannotBeSplitAndFails() {
        fx.server.on(CLOSED, ok(PrivateSamples.orders("burst", 1000, "done", "KRW-BTC")));

        assertThatThrownBy(() -> fx.client().closedOrders(FROM, FROM))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("within one millisecond");
        assertThat(fx.received(CLOSED)).hasSize(1);
    }

    @Test
    void openEntryInTheClosedListIsAMalformedAnswer() {
        fx.server.on(CLOSED, ok(PrivateSamples.orders("open", 1, "wait", "KRW-BTC")));

        assertThatThrownBy(() -> fx.client(fx.options().withMaxAttempts(1)).closedOrders(FROM, FROM.plusSeconds(60)))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("still open");
    }

    @Test
    void impossibleSpansAreRefusedBeforeAnythingIsSent() {
        UpbitPrivateClient client = fx.client();

        assertThatThrownBy(() -> client.closedOrders(FROM, FROM.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.closedOrders(Instant.EPOCH, FROM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.closedOrders(FROM, FROM.plus(Duration.ofDays(7 * 101))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 100 windows");
        assertThat(fx.server.received()).isEmpty();
    }

    private String queryHash(FakeUpbitServer.Received sent) {
        return verifiedClaims(authorization(sent), fx.secretKey)
                .get("query_hash")
                .asText();
    }

    /** {@code [start_time, end_time]} of every closed-orders request, in sending order. */
    private List<Sent> windows() {
        return fx.received(CLOSED).stream()
                .map(r -> URLDecoder.decode(r.rawQuery(), StandardCharsets.UTF_8))
                .map(q -> new Sent(Long.parseLong(param(q, "start_time")), Long.parseLong(param(q, "end_time"))))
                .toList();
    }

    private static String param(String query, String name) {
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " missing from " + query);
    }
}
