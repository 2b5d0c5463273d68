package io.cointrader.exchange.upbit;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Upbit rate-limit groups (upbit-api.md sections 0a and 4). Each group has its own budget; the
 * quotation groups are counted per IP, the others per account pocket. The {@code Remaining-Req}
 * header does not always use the documented name (e.g. {@code candles}, {@code crix-trades}), hence
 * the aliases.
 */
public enum RateGroup {
    MARKET(10, Duration.ofSeconds(1), Scope.QUOTATION, "market"),
    CANDLE(10, Duration.ofSeconds(1), Scope.QUOTATION, "candle", "candles"),
    TRADE(10, Duration.ofSeconds(1), Scope.QUOTATION, "trade", "trades", "crix-trades"),
    TICKER(10, Duration.ofSeconds(1), Scope.QUOTATION, "ticker"),
    ORDERBOOK(10, Duration.ofSeconds(1), Scope.QUOTATION, "orderbook"),
    DEFAULT(30, Duration.ofSeconds(1), Scope.EXCHANGE, "default"),
    /** 12 per second since 2026-08-21 (it was 8). */
    ORDER(12, Duration.ofSeconds(1), Scope.EXCHANGE, "order"),
    ORDER_TEST(8, Duration.ofSeconds(1), Scope.EXCHANGE, "order-test"),
    ORDER_CANCEL_ALL(1, Duration.ofSeconds(2), Scope.EXCHANGE, "order-cancel-all");

    /**
     * Whom Upbit counts a group's requests against, and so what an HTTP 418 block covers: since
     * 2026-06-25 a block after exchange (private) calls stops only that account pocket's private
     * calls, and a block after quotation calls stops only that IP's public calls.
     */
    public enum Scope {
        /** The public market data API, counted per IP. */
        QUOTATION,
        /** The private API, counted per account pocket (all its keys together). */
        EXCHANGE
    }

    private final int permits;
    private final Duration window;
    private final Scope scope;
    private final Set<String> headerNames;

    RateGroup(int permits, Duration window, Scope scope, String... headerNames) {
        this.permits = permits;
        this.window = window;
        this.scope = scope;
        this.headerNames = Set.of(headerNames);
    }

    public Scope scope() {
        return scope;
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
