package io.cointrader.app;

import io.cointrader.config.ExitSettings;
import io.cointrader.core.Position;
import io.cointrader.core.Symbol;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stop-loss, take-profit and trailing stop (STOP_LOSS_PCT, TAKE_PROFIT_PCT, TRAILING_STOP_PCT; zero is
 * off), checked on every tick's price: the stop-loss and take-profit against the position's average
 * entry price (buy fees included), the trailing stop against the highest price seen since entry. That
 * high is kept in the database, so a restart keeps it; it is forgotten once the position is closed.
 * Comparisons are exact ({@code price x 100} against {@code reference x (100 -+ pct)}).
 */
final class ProtectiveExits {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String HIGH_KEY = "exits.trailing_high.";

    private final ExitSettings settings;
    private final StateStore store;
    private final Map<Symbol, BigDecimal> highs = new HashMap<>();

    ProtectiveExits(ExitSettings settings, StateStore store) {
        this.settings = settings;
        this.store = store;
    }

    boolean enabled() {
        return settings.any();
    }

    /** Why {@code position} must be sold at {@code price}, if one of the exits is reached. */
    Optional<Trigger> check(Position position, BigDecimal price) {
        if (!settings.any()) {
            return Optional.empty();
        }
        BigDecimal entry = position.averagePrice();
        BigDecimal scaled = price.multiply(HUNDRED);
        BigDecimal stopLoss = settings.stopLossPct();
        if (stopLoss.signum() > 0
                && entry.signum() > 0
                && scaled.compareTo(entry.multiply(HUNDRED.subtract(stopLoss))) <= 0) {
            return Optional.of(new Trigger("stop-loss", describe("stop-loss", stopLoss, price, "entry", entry)));
        }
        BigDecimal trailing = settings.trailingStopPct();
        if (trailing.signum() > 0) {
            BigDecimal high = raiseHigh(position.symbol(), entry.max(price));
            if (scaled.compareTo(high.multiply(HUNDRED.subtract(trailing))) <= 0) {
                return Optional.of(
                        new Trigger("trailing-stop", describe("trailing stop", trailing, price, "high", high)));
            }
        }
        BigDecimal takeProfit = settings.takeProfitPct();
        if (takeProfit.signum() > 0
                && entry.signum() > 0
                && scaled.compareTo(entry.multiply(HUNDRED.add(takeProfit))) >= 0) {
            return Optional.of(new Trigger("take-profit", describe("take-profit", takeProfit, price, "entry", entry)));
        }
        return Optional.empty();
    }

    /** Forgets the highest price of {@code symbol}: it has no position. */
    void flat(Symbol symbol) {
        if (settings.trailingStopPct().signum() > 0 && high(symbol).isPresent()) {
            highs.remove(symbol);
            store.putMeta(HIGH_KEY + symbol, "");
        }
    }

    /** The highest price since entry, if a position of {@code symbol} has been seen since. */
    Optional<BigDecimal> high(Symbol symbol) {
        BigDecimal cached = highs.get(symbol);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<BigDecimal> stored =
                store.meta(HIGH_KEY + symbol).filter(text -> !text.isEmpty()).map(BigDecimal::new);
        stored.ifPresent(high -> highs.put(symbol, high));
        return stored;
    }

    private BigDecimal raiseHigh(Symbol symbol, BigDecimal candidate) {
        Optional<BigDecimal> known = high(symbol);
        if (known.isPresent() && known.get().compareTo(candidate) >= 0) {
            return known.get();
        }
        highs.put(symbol, candidate);
        store.putMeta(HIGH_KEY + symbol, candidate.toPlainString());
        return candidate;
    }

    private static String describe(
            String name, BigDecimal pct, BigDecimal price, String against, BigDecimal reference) {
        return name + " " + pct.stripTrailingZeros().toPlainString() + " %: " + Display.krw(price) + " vs " + against
                + " "
                + Display.krw(reference.setScale(Math.min(reference.scale(), 8), java.math.RoundingMode.HALF_EVEN));
    }

    /**
     * @param kind short name for the intent id ({@code stop-loss}, {@code take-profit}, {@code trailing-stop})
     * @param reason what happened, for people
     */
    record Trigger(String kind, String reason) {}
}
