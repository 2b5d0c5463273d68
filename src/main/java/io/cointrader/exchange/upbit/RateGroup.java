package io.cointrader.exchange.upbit;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Upbit rate-limit groups (upbit-api.md section 4). Each group has its own budget; the quotation
 * groups are counted per IP, the others per account. The {@code Remaining-Req} header does not always
 * use the documented name (e.g. {@code candles}, {@code crix-trades}), hence the aliases.
 */
public enum RateGroup {
    MARKET(10, Duration.ofSeconds(1), "market"),
    CANDLE(10, Duration.ofSeconds(1), "candle", "candles"),
    TRADE(10, Duration.ofSeconds(1), "trade", "trades", "crix-trades"),
    TICKER(10, Duration.ofSeconds(1), "ticker"),
    ORDERBOOK(10, Duration.ofSeconds(1), "orderbook"),
    DEFAULT(30, Duration.ofSeconds(1), "default"),
    ORDER(8, Duration.ofSeconds(1), "order"),
    ORDER_TEST(8, Duration.ofSeconds(1), "order-test"),
    ORDER_CANCEL_ALL(1, Duration.ofSeconds(2), "order-cancel-all");

    private final int permits;
    private final Duration window;
    private final Set<String> headerNames;

    RateGroup(int permits, Duration window, String... headerNames) {
        this.permits = permits;
        this.window = window;
        this.headerNames = Set.of(headerNames);
    }

    /** Requests allowed per {@link #window()}. */
    public int permits() {
        return permits;
    }

    public Duration window() {
        return window;
    }

    /** The group a {@code Remaining-Req} header names, if it is one we know. */
    public static Optional<RateGroup> fromHeaderName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (RateGroup group : values()) {
            if (group.headerNames.contains(n)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
