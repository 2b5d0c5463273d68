package io.cointrader.sim;

import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.BTC;
import static io.cointrader.sim.SimFixtures.ETH;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Secret;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.OrderRequest;
import io.cointrader.exchange.OutcomeUnknownException;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.upbit.UpbitCredentials;
import io.cointrader.exchange.upbit.UpbitHttp;
import io.cointrader.exchange.upbit.UpbitOptions;
import io.cointrader.exchange.upbit.UpbitPrivateClient;
import io.cointrader.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project's Upbit client against a real simulator on loopback: late orders, and both order lists. */
class UpbitClientOnSimulatorTest {

    private final ReplayClock market = new ReplayClock(T0);
    private final MutableClock wall = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private UpbitSimulator simulator;
    private UpbitPrivateClient client;

    @BeforeEach
    void start() {
        simulator =
                new UpbitSimulator(SimFixtures.config(market).wallClock(wall).build()).start();
        UpbitHttp http = new UpbitHttp(UpbitOptions.defaults(simulator.baseUrl(), "test"), Clock.systemUTC());
        client = new UpbitPrivateClient(
                http, new UpbitCredentials(Secret.of(ALICE.accessKey()), Secret.of(ALICE.secret())));
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void orderCreatedLateIsNotFoundAtFirstThenFoundByIdentifierAndListedOnceTheWallClockMoves() {
        simulator.faults().createNextOrdersLate(1, Duration.ofSeconds(20));

        assertThatThrownBy(() -> client.placeOrder(bid(BTC, "90000000", "0.001", "late-e2e")))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(client.orderByIdentifier("late-e2e")).isEmpty();
        assertThat(client.allOpenOrders()).isEmpty();
        wall.advance(Duration.ofSeconds(20));
        ExchangeOrder found = client.orderByIdentifier("late-e2e").orElseThrow();

        assertThat(found.state()).isEqualTo("wait");
        assertThat(found.symbol()).isEqualTo(BTC);
        assertThat(found.volume()).isEqualByComparingTo("0.001");
        assertThat(client.allOpenOrders()).extracting(ExchangeOrder::identifier).containsExactly("late-e2e");
    }

    @Test
    void openOrdersOfEveryMarketAndClosedOrdersAreReadThroughTheClient() {
        client.placeOrder(bid(BTC, "90000000", "0.001", "btc-open"));
        client.placeOrder(bid(ETH, "4000000", "0.01", "eth-open"));
        client.placeOrder(bid(BTC, "90000000", "0.001", "btc-cancelled"));
        client.cancelByIdentifier("btc-cancelled");
        market.set(T0.plus(Duration.ofMinutes(1)));

        assertThat(client.allOpenOrders())
                .extracting(ExchangeOrder::identifier)
                .containsExactly("eth-open", "btc-open");
        // the closed list is searched by the simulator's wall clock, the time it stamps on orders
        Instant now = wall.instant();
        assertThat(client.closedOrders(now.minus(Duration.ofDays(20)), now.plus(Duration.ofHours(1))))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.identifier()).isEqualTo("btc-cancelled");
                    assertThat(o.state()).isEqualTo("cancel");
                    assertThat(o.executedVolume()).isZero();
                });
    }

    private static OrderRequest bid(Symbol symbol, String price, String volume, String id) {
        return new OrderRequest(symbol, Side.BUY, new BigDecimal(price), new BigDecimal(volume), id);
    }
}
