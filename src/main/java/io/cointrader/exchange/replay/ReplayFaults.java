package io.cointrader.exchange.replay;

import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scripted faults for testing what callers of the replay exchange do when the exchange misbehaves.
 * A new instance injects nothing; each scripted fault is used up by the calls it affects.
 * Thread-safe.
 */
public final class ReplayFaults {

    private int tickerFailures;
    private int candleFailures;
    private final Map<Symbol, BigDecimal> priceOverrides = new HashMap<>();

    /** The next {@code count} ticker calls (any symbol) throw {@link ExchangeUnavailableException}. */
    public synchronized void failNextTickers(int count) {
        tickerFailures = requireCount(count);
    }

    /** The next {@code count} candle calls (any symbol) throw {@link ExchangeUnavailableException}. */
    public synchronized void failNextCandles(int count) {
        candleFailures = requireCount(count);
    }

    /**
     * The next successful ticker call for {@code symbol} reports {@code price} (used as given, not
     * rounded) with quotes one tick around it; later calls follow the history again.
     */
    public synchronized void overrideNextPrice(Symbol symbol, BigDecimal price) {
        Objects.requireNonNull(symbol, "symbol");
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("override price must be more than zero, got " + price);
        }
        priceOverrides.put(symbol, price);
    }

    synchronized void beforeTicker(Symbol symbol) {
        if (tickerFailures > 0) {
            tickerFailures--;
            throw new ExchangeUnavailableException("injected replay fault: ticker of " + symbol + " unavailable");
        }
    }

    synchronized void beforeCandles(Symbol symbol) {
        if (candleFailures > 0) {
            candleFailures--;
            throw new ExchangeUnavailableException("injected replay fault: candles of " + symbol + " unavailable");
        }
    }

    synchronized Optional<BigDecimal> takePriceOverride(Symbol symbol) {
        return Optional.ofNullable(priceOverrides.remove(symbol));
    }

    private static int requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("fault count must be zero or more, got " + count);
        }
        return count;
    }
}
