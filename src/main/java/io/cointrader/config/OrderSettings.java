package io.cointrader.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long orders may stay unfinished.
 *
 * @param buyTimeout a buy resting longer is cancelled (BUY_ORDER_TIMEOUT_SEC)
 * @param sellTimeout a sell resting longer is cancelled and placed again at the current price
 *     (SELL_ORDER_TIMEOUT_SEC)
 * @param unknownOrderGrace how long an order whose placement went unanswered may still appear on the
 *     exchange before its intent is given up as not placed (UNKNOWN_ORDER_GRACE_SEC)
 */
public record OrderSettings(Duration buyTimeout, Duration sellTimeout, Duration unknownOrderGrace) {

    public OrderSettings {
        Objects.requireNonNull(buyTimeout, "buyTimeout");
        Objects.requireNonNull(sellTimeout, "sellTimeout");
        Objects.requireNonNull(unknownOrderGrace, "unknownOrderGrace");
    }

    /** The defaults: 600 s each. */
    public static OrderSettings defaults() {
        Duration tenMinutes = Duration.ofSeconds(600);
        return new OrderSettings(tenMinutes, tenMinutes, tenMinutes);
    }
}
