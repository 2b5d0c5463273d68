package io.cointrader.sim;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill of a simulated order. {@code funds} = price x volume in KRW; {@code fee} = funds x fee
 * rate (a bid pays it on top, an ask receives funds - fee). {@code createdAt} is the simulator's wall
 * time when the trade was made, as it reports it; {@code marketTime} is the matching step of the replayed
 * market whose price made it.
 */
public record SimTrade(
        String uuid,
        String orderUuid,
        Symbol symbol,
        Side side,
        BigDecimal price,
        BigDecimal volume,
        BigDecimal funds,
        BigDecimal fee,
        boolean priceRose,
        Instant createdAt,
        Instant marketTime) {}
