package io.cointrader.sim;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one simulated limit order. {@code state} is Upbit's: {@code wait}, {@code done} or
 * {@code cancel}; {@code cancelRequested} is true between an accepted DELETE and the next matching
 * step, while the state is still {@code wait}. {@code locked} is KRW (price x remaining volume + the
 * remaining fee) for a bid and base currency (the remaining volume) for an ask.
 */
public record SimOrder(
        String uuid,
        String identifier,
        String accessKey,
        Symbol symbol,
        Side side,
        BigDecimal price,
        BigDecimal volume,
        BigDecimal remainingVolume,
        BigDecimal executedVolume,
        BigDecimal executedFunds,
        BigDecimal reservedFee,
        BigDecimal remainingFee,
        BigDecimal paidFee,
        BigDecimal locked,
        String state,
        boolean cancelRequested,
        Instant createdAt,
        List<SimTrade> trades) {

    public SimOrder {
        trades = List.copyOf(trades);
    }
}
