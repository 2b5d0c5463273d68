package io.cointrader.app;

import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Side;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.TickSize;
import io.cointrader.execution.AccountState;
import io.cointrader.execution.ExecutionResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audited emergency path of {@code trader kill --close-positions}: cancels every open order, then
 * sells every position through the execution engine with emergency (reduce-only) intents, which pass
 * the active kill switch but every other gate. The sell limit sits half the allowed slippage below the
 * market so it is marketable. A one-second wait before each sell keeps within the order-rate limit.
 */
final class EmergencyClose {

    private final TradingSystem system;
    private final OneSecondWait wait;

    /** Waits until the next order is allowed by the per-second limit (real or simulated time). */
    interface OneSecondWait {
        void await() throws InterruptedException;
    }

    EmergencyClose(TradingSystem system, OneSecondWait wait) {
        this.system = system;
        this.wait = wait;
    }

    List<String> run(String reason) throws InterruptedException {
        TradingParts parts = system.parts();
        List<String> lines = new ArrayList<>();
        record(Severity.CRITICAL, "emergency close started: " + reason);
        for (Order order : parts.store().openOrders()) {
            var after = system.engine().cancel(order.clientOrderId(), "emergency close");
            lines.add("cancel " + order.side() + " " + order.symbol() + " " + order.clientOrderId() + ": "
                    + after.map(o -> o.status().name()).orElse("not found"));
        }
        for (Position position : parts.broker().positions()) {
            wait.await();
            lines.add(sell(position, reason));
        }
        if (lines.isEmpty()) {
            lines.add("no open orders and no positions");
        }
        record(Severity.CRITICAL, "emergency close finished: " + String.join("; ", lines));
        return lines;
    }

    private String sell(Position position, String reason) {
        TradingParts parts = system.parts();
        MarketData market;
        try {
            market = parts.exchange().ticker(position.symbol());
        } catch (ExchangeException e) {
            return "sell " + position.symbol() + ": no price (" + e.getMessage() + "), position kept";
        }
        system.portfolio().observe(position.symbol(), market.price());
        parts.reconciler().syncOpenOrders(market);
        BigDecimal quantity =
                parts.broker().balances().of(position.symbol().base()).free();
        BigDecimal slippage = BigDecimal.valueOf(system.settings().risk().maxSlippageBps())
                .divide(BigDecimal.valueOf(20000), 10, RoundingMode.DOWN);
        BigDecimal limit = TickSize.floorToTick(
                market.price().multiply(BigDecimal.ONE.subtract(slippage)), TickSize.krwTick(market.price()));
        Instant now = parts.clock().instant();
        OrderIntent intent = new OrderIntent(
                "emergency|" + position.symbol() + "|SELL|" + now,
                "emergency-close",
                position.symbol(),
                Side.SELL,
                OrderType.LIMIT,
                limit,
                quantity,
                reason,
                now,
                true);
        ExecutionResult result = system.engine().execute(intent, account(market));
        return "sell " + position.symbol() + " " + quantity.toPlainString() + " @ " + Display.krw(limit) + ": "
                + Describe.execution(intent, result);
    }

    private AccountState account(MarketData market) {
        TradingParts parts = system.parts();
        List<Position> positions = parts.broker().positions();
        BigDecimal equity = system.portfolio().equity(parts.broker().balances(), positions);
        Map<io.cointrader.core.Symbol, Position> bySymbol =
                positions.stream().collect(Collectors.toMap(Position::symbol, Function.identity()));
        return new AccountState(
                equity, equity, market.price(), bySymbol, parts.store().openOrders());
    }

    private void record(Severity severity, String message) {
        system.parts()
                .safety()
                .record(new SafetyEvent(
                        SafetyEventType.EMERGENCY_CLOSE,
                        severity,
                        null,
                        message,
                        Map.of(),
                        system.parts().clock().instant()));
    }
}
