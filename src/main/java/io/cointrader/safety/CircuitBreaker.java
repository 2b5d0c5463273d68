package io.cointrader.safety;

import io.cointrader.core.MarketData;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Trips when a symbol's price has moved too far from the previous day's close: {@code |price −
 * prevClose| / prevClose × 100 ≥ threshold}. A tripped breaker means "skip this tick"; it holds no
 * state, so it clears by itself once the move is back within the threshold. Without a previous close
 * (null or not positive) there is nothing to compare and the breaker stays quiet. Stateless: safe to
 * share between threads.
 */
public final class CircuitBreaker {

    private final BigDecimal thresholdPct;
    private final double thresholdScreen;

    /** @param thresholdPct in percent, e.g. 15 */
    public CircuitBreaker(BigDecimal thresholdPct) {
        this.thresholdPct = Percent.requirePositive(thresholdPct, "circuit breaker threshold");
        this.thresholdScreen = thresholdPct.doubleValue();
    }

    /**
     * Whether {@link #check} could trip for this price and previous close, decided in doubles without
     * allocating: false means {@code check} is certainly empty, true that it must be asked.
     *
     * @param prevClose the previous day's close, NaN when there is none
     */
    public boolean mayTrip(double price, double prevClose) {
        return prevClose > 0.0 && Percent.mayReach(price - prevClose, prevClose, thresholdScreen);
    }

    public BigDecimal thresholdPct() {
        return thresholdPct;
    }

    /**
     * @return a {@link SafetyEventType#CIRCUIT_BREAKER} event (critical, timed at the tick) when the
     *     breaker trips, else empty
     */
    public Optional<SafetyEvent> check(MarketData md) {
        BigDecimal prevClose = md.prevClose();
        if (prevClose == null || prevClose.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal move = md.price().subtract(prevClose);
        if (!Percent.atLeast(move.abs(), prevClose, thresholdPct)) {
            return Optional.empty();
        }
        String changePct = Percent.of(move, prevClose);
        String message = md.symbol() + " moved " + changePct + "% against the previous close ("
                + Percent.plain(prevClose) + " -> " + Percent.plain(md.price()) + "), at or beyond the "
                + Percent.plain(thresholdPct) + "% circuit breaker; trading skipped for this tick";
        Map<String, String> details = Map.of(
                "prev_close", Percent.plain(prevClose),
                "price", Percent.plain(md.price()),
                "change_pct", changePct,
                "threshold_pct", Percent.plain(thresholdPct));
        return Optional.of(new SafetyEvent(
                SafetyEventType.CIRCUIT_BREAKER, Severity.CRITICAL, md.symbol(), message, details, md.timestamp()));
    }
}
