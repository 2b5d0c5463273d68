package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.Position;
import io.cointrader.core.Side;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import io.cointrader.execution.CancelResult;
import io.cointrader.execution.ExecutionResult;
import io.cointrader.sim.SimAccount;
import io.cointrader.sim.SimHolding;
import io.cointrader.sim.SimOrder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live order path against the Upbit simulator: stale orders cancelled, a sell placed again until it
 * fills, an order that filled while its cancel was on the way, a failed cancel during the emergency
 * close, and an account holding coins the trader never bought.
 */
class LiveOrderUpkeepTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Symbol ETH = Symbol.parse("ETH/KRW");
    private static final Map<String, String> SHORT_TIMEOUTS = Map.of(
            "BUY_ORDER_TIMEOUT_SEC", "300",
            "SELL_ORDER_TIMEOUT_SEC", "300");

    @TempDir
    Path work;

    private LiveHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private LiveHarness harness(SimAccount account, Map<String, String> overrides) {
        h = new LiveHarness(work, account, overrides);
        return h;
    }

    private static SimAccount krw() {
        return SimAccount.of(LiveHarness.SECRET, "10000000");
    }

    private Order stored(String clientOrderId) {
        return h.system.parts().store().findOrder(clientOrderId).orElseThrow();
    }

    private SimOrder onExchange(String clientOrderId) {
        return h.exchangeOrders().stream()
                .filter(o -> clientOrderId.equals(o.identifier()))
                .findFirst()
                .orElseThrow();
    }

    /** Passes a minute apart until {@code done} holds, at most {@code passes}. */
    private void passUntil(Symbol symbol, java.util.function.BooleanSupplier done, int passes) {
        for (int i = 0; i < passes && !done.getAsBoolean(); i++) {
            h.advance(Duration.ofMinutes(1));
            h.pass(symbol, SignalType.HOLD);
        }
        assertThat(done.getAsBoolean()).as("reached within %d passes", passes).isTrue();
    }

    private void holdOwnBitcoin() {
        ExecutionResult buy = h.place(BTC, Side.BUY, "1.02", "0.001");
        passUntil(BTC, () -> stored(buy.clientOrderId()).status() == OrderStatus.FILLED, 10);
    }

    @Test
    void aStaleBuyIsCancelledOnTheExchangeAndRecordedWithItsReason() {
        harness(krw(), SHORT_TIMEOUTS);
        ExecutionResult buy = h.place(BTC, Side.BUY, "0.9", "0.001");
        assertThat(buy.placed()).isTrue();

        h.advance(Duration.ofSeconds(299));
        assertThat(h.pass(BTC, SignalType.HOLD).detail()).doesNotContain("timed out");
        h.advance(Duration.ofSeconds(1));
        TickReport expired = h.pass(BTC, SignalType.HOLD);
        assertThat(expired.detail()).startsWith("timed out BUY 0.001 @ ");

        passUntil(BTC, () -> stored(buy.clientOrderId()).status() == OrderStatus.CANCELLED, 3);
        assertThat(onExchange(buy.clientOrderId()).state()).isEqualTo("cancel");
        assertThat(stored(buy.clientOrderId()).statusReason())
                .startsWith("cancelled: timeout: BUY open 5 min (BUY_ORDER_TIMEOUT_SEC=300)");
        assertThat(h.sim.state().balance(LiveHarness.ACCESS, "KRW").locked()).isZero();
    }

    @Test
    void aStaleSellIsPlacedAgainAtTheCurrentPriceUntilThePositionIsOut() {
        harness(krw(), SHORT_TIMEOUTS);
        holdOwnBitcoin();
        ExecutionResult sell = h.place(BTC, Side.SELL, "1.1", "0.001");
        assertThat(sell.placed()).isTrue();

        h.advance(Duration.ofSeconds(300));
        h.pass(BTC, SignalType.HOLD);
        passUntil(BTC, () -> h.system.parts().broker().positions().isEmpty(), 10);

        List<SimOrder> sells =
                h.exchangeOrders().stream().filter(o -> o.side() == Side.SELL).toList();
        assertThat(sells).hasSize(2);
        assertThat(sells.get(0).state()).isEqualTo("cancel");
        assertThat(sells.get(1).state()).isEqualTo("done");
        assertThat(stored(sells.get(1).identifier()).intentId())
                .isEqualTo(stored(sell.clientOrderId()).intentId() + "|attempt-2");
        assertThat(h.sim.state().balance(LiveHarness.ACCESS, "BTC").total()).isZero();
    }

    @Test
    void anOrderThatFilledWhileItsCancelWasOnTheWayIsRecordedFilledWithItsTrades() {
        harness(krw(), SHORT_TIMEOUTS);
        ExecutionResult buy = h.place(BTC, Side.BUY, "1.02", "0.001");
        h.advance(Duration.ofMinutes(2));
        h.sim.match(); // the exchange fills it; the trader has not looked since

        CancelResult cancel = h.system.engine().cancel(buy.clientOrderId(), "timeout: test");

        assertThat(onExchange(buy.clientOrderId()).state()).isEqualTo("done");
        assertThat(cancel.detail()).isEqualTo("filled before the cancel");
        assertThat(stored(buy.clientOrderId()).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(h.system.parts().store().allFills())
                .extracting(f -> f.clientOrderId())
                .containsOnly(buy.clientOrderId())
                .isNotEmpty();
    }

    @Test
    void aCancelAnsweredOrderNotFoundWhileTheOrderIsOpenIsTriedAgainOnTheNextTick() {
        harness(krw(), SHORT_TIMEOUTS);
        ExecutionResult buy = h.place(BTC, Side.BUY, "0.9", "0.001");
        h.sim.faults().on("DELETE", "/v1/order").answerNotFoundNext(1);
        h.advance(Duration.ofSeconds(300));

        TickReport first = h.pass(BTC, SignalType.HOLD);
        assertThat(first.action()).isNotEqualTo(TickAction.ERROR);
        assertThat(stored(buy.clientOrderId()).status()).isEqualTo(OrderStatus.OPEN);

        passUntil(BTC, () -> stored(buy.clientOrderId()).status() == OrderStatus.CANCELLED, 3);
        assertThat(onExchange(buy.clientOrderId()).state()).isEqualTo("cancel");
    }

    @Test
    void theEmergencyCloseCarriesOnPastAFailedCancelAndFinishesOnALaterPass() throws Exception {
        harness(krw(), Map.of());
        holdOwnBitcoin();
        ExecutionResult btcBuy = h.place(BTC, Side.BUY, "0.9", "0.001");
        ExecutionResult ethBuy = h.place(ETH, Side.BUY, "0.9", "0.01");
        h.sim.faults().on("DELETE", "/v1/order").failNext(1, 500);
        h.system.parts().killSwitch().activate("drill", "test");
        EmergencyClose close = new EmergencyClose(h.system, () -> h.advance(Duration.ofSeconds(1)));

        EmergencyClose.Outcome first = close.run("drill");

        assertThat(first.finished()).isFalse();
        assertThat(String.join("\n", first.lines()))
                .contains("cancel BUY BTC/KRW " + btcBuy.clientOrderId() + ": cancel failed (")
                .contains("cancel BUY ETH/KRW " + ethBuy.clientOrderId() + ": cancelled")
                .contains("sell BTC/KRW");
        h.advance(Duration.ofMinutes(2));
        EmergencyClose.Outcome later = close.run("drill");
        for (int i = 0; i < 5 && !later.finished(); i++) {
            h.advance(Duration.ofMinutes(2));
            later = close.run("drill");
        }
        assertThat(later.finished()).as(String.join("\n", later.lines())).isTrue();
        assertThat(onExchange(btcBuy.clientOrderId()).state()).isEqualTo("cancel");
        assertThat(onExchange(ethBuy.clientOrderId()).state()).isEqualTo("cancel");
        assertThat(h.system.parts().broker().positions()).isEmpty();
        assertThat(h.system.parts().store().openOrders()).isEmpty();
    }

    @Test
    void coinsBoughtByHandAndDustAreNeverSoldNorCountedAndTheTraderSellsOnlyItsOwn() {
        SimAccount account = krw().with(new SimHolding("BTC", new BigDecimal("0.5"), new BigDecimal("90000000")))
                .with(new SimHolding("ETH", new BigDecimal("0.0000001"), new BigDecimal("5000000")));
        harness(account, Map.of("MAX_POSITIONS", "1"));

        TickReport sellWithoutPosition = h.pass(BTC, SignalType.SELL);
        assertThat(sellWithoutPosition.action()).isEqualTo(TickAction.NO_ORDER);
        assertThat(sellWithoutPosition.detail()).isEqualTo("no position to sell");
        assertThat(h.system.parts().broker().positions()).isEmpty();
        BigDecimal equity =
                h.system.parts().store().latestAccountSnapshot().orElseThrow().equity();
        assertThat(equity).as("the external coins are not the trader's equity").isEqualByComparingTo("10000000");

        h.advance(Duration.ofHours(1));
        TickReport buy = h.pass(ETH, SignalType.BUY);
        assertThat(buy.action()).as(buy.detail()).isEqualTo(TickAction.ORDER);
        passUntil(ETH, () -> !h.system.parts().broker().positions().isEmpty(), 10);
        Position own = h.system.parts().broker().positions().get(0);
        assertThat(own.symbol()).isEqualTo(ETH);

        h.advance(Duration.ofHours(1));
        TickReport sell = h.pass(ETH, SignalType.SELL);
        assertThat(sell.detail())
                .contains("LIMIT SELL " + own.quantity().setScale(8).toPlainString());
        passUntil(ETH, () -> h.system.parts().broker().positions().isEmpty(), 10);

        assertThat(h.sim.state().balance(LiveHarness.ACCESS, "BTC").total()).isEqualByComparingTo("0.5");
        assertThat(h.sim.state().balance(LiveHarness.ACCESS, "ETH").total()).isEqualByComparingTo("0.0000001");
        assertThat(h.exchangeOrders()).noneMatch(o -> o.symbol().equals(BTC));
    }
}
