package io.cointrader.sim;

import java.math.BigDecimal;

/**
 * One currency of a simulated account: {@code balance} is free, {@code locked} is held by open
 * orders; {@code avgBuyPrice} is the KRW average cost of the holding (zero for KRW).
 */
public record SimBalance(String currency, BigDecimal balance, BigDecimal locked, BigDecimal avgBuyPrice) {

    public BigDecimal total() {
        return balance.add(locked);
    }
}
