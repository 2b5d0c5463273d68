package io.cointrader.backtest;

import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade of one symbol, from a flat position back to flat. Buys during the trade raise the
 * position at average cost, sells reduce it. Prices are averages weighted by quantity and exclude
 * fees; {@code pnl} includes the fees of every fill of the trade.
 *
 * @param status {@link Status#OPEN} when the position was still held after the last step; such a
 *     trade is valued at the last price (no exit fee) and its exit time is the last step
 * @param quantity everything bought during the trade
 * @param exitPrice sell proceeds, plus what is still held at the last price, per unit bought
 * @param pnl exit value minus cost minus all fees, in the quote currency
 * @param pnlPct {@code pnl} in percent of the cost of the buys including their fees (4 decimals)
 * @param fees the fees of every fill of the trade
 */
public record RoundTrip(
        Symbol symbol,
        Status status,
        Instant entryTime,
        BigDecimal entryPrice,
        Instant exitTime,
        BigDecimal exitPrice,
        BigDecimal quantity,
        BigDecimal pnl,
        BigDecimal pnlPct,
        BigDecimal fees) {

    /** Whether the trade ended flat within the run. */
    public enum Status {
        CLOSED,
        OPEN
    }

    public RoundTrip {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(pnlPct, "pnlPct");
        Objects.requireNonNull(fees, "fees");
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
