package io.cointrader.risk;

import io.cointrader.core.Money;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine knows about the account when an intent arrives. Amounts are in the quote currency
 * (KRW) unless said otherwise.
 *
 * @param totalEquity cash plus holdings at market price, now; may be zero or negative (then every buy
 *     is refused)
 * @param dayStartEquity total equity at the start of the trading day (00:00 UTC), persisted across
 *     restarts
 * @param marketPrice last trade price of the intent's symbol; more than zero
 * @param positionQuantity base quantity held of the intent's symbol
 * @param positionValue value of that holding at {@code marketPrice}
 * @param pendingBuyValue notional of the open (unfilled part of) buy orders of the intent's symbol
 * @param heldSymbols symbols with an open position or an open buy order
 * @param ordersLastSecond orders submitted within the last second, counted from the database
 * @param ordersToday orders submitted since the start of the trading day, counted from the database
 * @param investedValue what the trader has invested now over all symbols: its positions at market price
 *     plus the unfilled part of its open buys
 */
public record RiskState(
        BigDecimal totalEquity,
        BigDecimal dayStartEquity,
        BigDecimal marketPrice,
        BigDecimal positionQuantity,
        BigDecimal positionValue,
        BigDecimal pendingBuyValue,
        Set<Symbol> heldSymbols,
        int ordersLastSecond,
        int ordersToday,
        BigDecimal investedValue) {

    public RiskState {
        Objects.requireNonNull(totalEquity, "totalEquity");
        Objects.requireNonNull(dayStartEquity, "dayStartEquity");
        Money.requirePositive(marketPrice, "marketPrice");
        Money.requireNonNegative(positionQuantity, "positionQuantity");
        Money.requireNonNegative(positionValue, "positionValue");
        Money.requireNonNegative(pendingBuyValue, "pendingBuyValue");
        heldSymbols = Set.copyOf(Objects.requireNonNull(heldSymbols, "heldSymbols"));
        if (ordersLastSecond < 0 || ordersToday < 0) {
            throw new IllegalArgumentException(
                    "order counts must be zero or more, got " + ordersLastSecond + " and " + ordersToday);
        }
        Money.requireNonNegative(investedValue, "investedValue");
    }

    /** A state in which nothing is invested beyond this symbol's position and open buys. */
    public RiskState(
            BigDecimal totalEquity,
            BigDecimal dayStartEquity,
            BigDecimal marketPrice,
            BigDecimal positionQuantity,
            BigDecimal positionValue,
            BigDecimal pendingBuyValue,
            Set<Symbol> heldSymbols,
            int ordersLastSecond,
            int ordersToday) {
        this(
                totalEquity,
                dayStartEquity,
                marketPrice,
                positionQuantity,
                positionValue,
                pendingBuyValue,
                heldSymbols,
                ordersLastSecond,
                ordersToday,
                positionValue.add(pendingBuyValue));
    }

    /** Profit (positive) or loss (negative) since the start of the trading day. */
    public BigDecimal todayPnl() {
        return totalEquity.subtract(dayStartEquity);
    }
}
