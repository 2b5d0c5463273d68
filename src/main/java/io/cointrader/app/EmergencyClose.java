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
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.TickSize;
import io.cointrader.execution.AccountState;
import io.cointrader.execution.CancelResult;
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
 * sells every position of the trader through the execution engine with emergency (reduce-only) intents,
 * which pass the active kill switch but every other gate. The sell limit sits half the allowed slippage
 * below the market, on the pair's tick grid, so it is marketable. A one-second wait before each sell
 * keeps within the order-rate limit. Nothing one symbol's exchange answers stops the others: a cancel
 * that fails, a price that cannot be read or a sell that is refused is reported, and the close is not
 * finished until a later pass has done it. Dust (worth less than the minimum order) cannot be sold and
 * is left.
 */
final class EmergencyClose {

    private final TradingSystem system;
    private final OneSecondWait wait;

    /** Waits until the next order is allowed by the per-second limit (real or simulated time). */
    interface OneSecondWait {
        void await() throws InterruptedException;
    }

    /** What one pass did, line by line, and whether nothing is left to cancel or sell. */
    record Outcome(List<String> lines, boolean finished) {}

    EmergencyClose(TradingSystem system, OneSecondWait wait) {
        this.system = system;
        this.wait = wait;
    }

    Outcome run(String reason) throws InterruptedException {
        TradingParts parts = system.parts();
        List<String> lines = new ArrayList<>();
        record(Severity.CRITICAL, "emergency close started: " + reason);
        boolean finished = true;
        for (Order order : parts.store().openOrders()) {
            CancelResult result = system.engine().cancel(order.clientOrderId(), "emergency close: " + reason);
            finished &= result.finished();
            lines.add("cancel " + order.side() + " " + order.symbol() + " " + order.clientOrderId() + ": "
                    + result.detail());
        }
        for (Position position : positions(lines)) {
            wait.await();
            finished &= sell(position, reason, lines);
        }
        if (lines.isEmpty()) {
            lines.add("no open orders and no positions");
        }
        String summary = String.join("; ", lines);
        record(
                Severity.CRITICAL,
                finished
                        ? "emergency close finished: " + summary
                        : "emergency close not finished, continues on the next pass: " + summary);
        return new Outcome(lines, finished);
    }

    private List<Position> positions(List<String> lines) {
        try {
            return system.parts().broker().positions();
        } catch (ExchangeException e) {
            lines.add("positions could not be read (" + e.getMessage() + ")");
            return List.of();
        }
    }

    /** Sells the position; returns whether nothing of it is left to sell (sold, or dust). */
    private boolean sell(Position position, String reason, List<String> lines) {
        TradingParts parts = system.parts();
        Symbol symbol = position.symbol();
        MarketData market;
        try {
            market = parts.exchange().ticker(symbol);
            system.portfolio().observe(symbol, market.price());
            parts.reconciler().syncOpenOrders(market);
        } catch (ExchangeException e) {
            lines.add("sell " + symbol + ": no price (" + e.getMessage() + "), position kept");
            return false;
        }
        BigDecimal minTotal = system.rules().minTotal(symbol, Side.SELL);
        if (position.valueAt(market.price()).compareTo(minTotal) < 0) {
            lines.add("sell " + symbol + ": " + position.quantity().toPlainString() + " is dust (worth less than "
                    + Display.krw(minTotal) + "), left");
            return true;
        }
        BigDecimal quantity = parts.broker().sellable(symbol).setScale(8, RoundingMode.FLOOR);
        if (quantity.signum() <= 0) {
            lines.add("sell " + symbol + ": locked by an order whose cancel is still being carried out");
            return false;
        }
        BigDecimal slippage = BigDecimal.valueOf(system.settings().risk().maxSlippageBps())
                .divide(BigDecimal.valueOf(20000), 10, RoundingMode.DOWN);
        BigDecimal price = market.price().multiply(BigDecimal.ONE.subtract(slippage));
        BigDecimal limit = TickSize.floorToTick(price, system.rules().tick(symbol, price));
        Instant now = parts.clock().instant();
        OrderIntent intent = new OrderIntent(
                "emergency|" + symbol + "|SELL|" + now,
                "emergency-close",
                symbol,
                Side.SELL,
                OrderType.LIMIT,
                limit,
                quantity,
                reason,
                now,
                true);
        ExecutionResult result = system.engine().execute(intent, account(market));
        lines.add("sell " + symbol + " " + quantity.toPlainString() + " @ " + Display.krw(limit) + ": "
                + Describe.execution(intent, result));
        return result.placed() && !result.order().status().isOpen();
    }

    private AccountState account(MarketData market) {
        TradingParts parts = system.parts();
        List<Position> positions = parts.broker().positions();
        BigDecimal equity = system.portfolio().equity(parts.broker().balances(), positions);
        Map<Symbol, Position> bySymbol =
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
