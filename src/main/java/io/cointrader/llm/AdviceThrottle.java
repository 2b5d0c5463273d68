package io.cointrader.llm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves calls on a quiet market: a symbol is not asked again while its price stays within {@code
 * minPriceMovePct} percent of the price at its last advice and its signal is the same. Thread-safe.
 */
final class AdviceThrottle {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The tick facts the rule compares. */
    record Tick(BigDecimal price, String signal) {}

    private final BigDecimal minPriceMovePct;
    private final Map<String, Tick> lastAdvised = new ConcurrentHashMap<>();

    AdviceThrottle(BigDecimal minPriceMovePct) {
        this.minPriceMovePct = Objects.requireNonNull(minPriceMovePct, "minPriceMovePct");
    }

    /** The price and signal in an advisor context; empty when the price is missing or unreadable. */
    static Optional<Tick> tickOf(Map<String, Object> context) {
        Object price = context.get("price");
        if (price == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Tick(new BigDecimal(price.toString()), String.valueOf(context.get("signal"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean shouldSkip(String symbol, Tick now) {
        Tick last = lastAdvised.get(symbol);
        if (last == null || last.price().signum() <= 0 || !last.signal().equals(now.signal())) {
            return false;
        }
        BigDecimal movePct =
                now.price().subtract(last.price()).abs().multiply(HUNDRED).divide(last.price(), MathContext.DECIMAL64);
        return movePct.compareTo(minPriceMovePct) < 0;
    }

    void advised(String symbol, Tick tick) {
        lastAdvised.put(symbol, tick);
    }
}
