package io.cointrader.safety;

import io.cointrader.core.MarketData;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches for signs that the market data or the exchange cannot be trusted: consecutive API failures,
 * a price jump between ticks, a wide bid/ask spread, and a balance that differs from what the
 * database expects. Detectors return events; the caller persists them, alerts, and (for the API
 * failure threshold) activates the kill switch. Events are timed with the injected clock.
 *
 * <p>Thread-safe; normally only the trading loop calls it.
 */
public final class AnomalyMonitor {

    /** Denominator floor for balance comparisons, so that an expected zero still compares: one satoshi. */
    static final BigDecimal TINY = new BigDecimal("0.00000001");

    private static final int MAX_ERROR_LENGTH = 200;

    private final int apiFailureThreshold;
    private final BigDecimal priceAnomalyPct;
    private final double priceAnomalyScreen;
    private final BigDecimal spreadAnomalyPct;
    private final BigDecimal balanceMismatchTolerancePct;
    private final Clock clock;
    private final Map<Symbol, BigDecimal> lastPrices = new HashMap<>();
    private int consecutiveFailures;
    private Symbol lastFailedSymbol;
    private String lastError = "";

    /**
     * @param apiFailureThreshold consecutive failures at which {@link #recordApiFailure} answers true
     * @param priceAnomalyPct tick-to-tick move, in percent, that counts as a price anomaly
     * @param spreadAnomalyPct bid/ask spread, in percent of the mid price, that counts as an anomaly
     * @param balanceMismatchTolerancePct largest tolerated difference, in percent of the expected balance
     */
    public AnomalyMonitor(
            int apiFailureThreshold,
            BigDecimal priceAnomalyPct,
            BigDecimal spreadAnomalyPct,
            BigDecimal balanceMismatchTolerancePct,
            Clock clock) {
        if (apiFailureThreshold < 1) {
            throw new IllegalArgumentException("API failure threshold must be at least 1, got " + apiFailureThreshold);
        }
        this.apiFailureThreshold = apiFailureThreshold;
        this.priceAnomalyPct = Percent.requirePositive(priceAnomalyPct, "price anomaly threshold");
        this.priceAnomalyScreen = priceAnomalyPct.doubleValue();
        this.spreadAnomalyPct = Percent.requirePositive(spreadAnomalyPct, "spread anomaly threshold");
        Objects.requireNonNull(balanceMismatchTolerancePct, "balanceMismatchTolerancePct");
        if (balanceMismatchTolerancePct.signum() < 0) {
            throw new IllegalArgumentException(
                    "balance mismatch tolerance must be zero or more, got " + balanceMismatchTolerancePct);
        }
        this.balanceMismatchTolerancePct = balanceMismatchTolerancePct;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Counts one failed exchange call.
     *
     * @param symbol the symbol the call was for; null for account-wide calls
     * @param error a short, already redacted description of the failure
     * @return true whenever the consecutive count has reached the threshold — at the threshold and on
     *     every further failure, so that a kill switch released while the exchange is still failing
     *     trips again at once
     */
    public synchronized boolean recordApiFailure(Symbol symbol, String error) {
        consecutiveFailures++;
        lastFailedSymbol = symbol;
        lastError = truncate(error == null ? "" : error);
        return consecutiveFailures >= apiFailureThreshold;
    }

    /** A successful exchange call ends the streak. */
    public synchronized void recordApiSuccess() {
        consecutiveFailures = 0;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The critical event for the current failure streak, naming the last failure. */
    public synchronized SafetyEvent apiFailureThresholdEvent() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("consecutive_failures", Integer.toString(consecutiveFailures));
        details.put("threshold", Integer.toString(apiFailureThreshold));
        details.put("last_error", lastError);
        String message = consecutiveFailures + " consecutive exchange API failures (threshold " + apiFailureThreshold
                + "); last: " + lastError;
        return new SafetyEvent(
                SafetyEventType.API_FAILURE_THRESHOLD,
                Severity.CRITICAL,
                lastFailedSymbol,
                message,
                details,
                clock.instant());
    }

    /**
     * Compares the price with the previous tick's price of the same symbol, then remembers it. The first
     * tick of a symbol has nothing to compare with. Prices that are not positive are neither compared
     * nor remembered.
     *
     * @return a high-severity {@link SafetyEventType#PRICE_ANOMALY} when {@code |price − previous| /
     *     previous × 100 ≥ threshold}
     */
    public synchronized Optional<SafetyEvent> checkPrice(MarketData md) {
        BigDecimal price = md.price();
        if (price.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal previous = lastPrices.put(md.symbol(), price);
        if (previous == null) {
            return Optional.empty();
        }
        BigDecimal move = price.subtract(previous);
        if (!Percent.atLeast(move.abs(), previous, priceAnomalyPct)) {
            return Optional.empty();
        }
        String changePct = Percent.of(move, previous);
        String message = md.symbol() + " price moved " + changePct + "% since the previous tick ("
                + Percent.plain(previous) + " -> " + Percent.plain(price) + "), at or beyond the "
                + Percent.plain(priceAnomalyPct) + "% anomaly threshold";
        Map<String, String> details = Map.of(
                "previous_price", Percent.plain(previous),
                "price", Percent.plain(price),
                "change_pct", changePct,
                "threshold_pct", Percent.plain(priceAnomalyPct));
        return Optional.of(event(SafetyEventType.PRICE_ANOMALY, Severity.HIGH, md.symbol(), message, details));
    }

    /**
     * Whether {@link #checkPrice} could flag a move from {@code previous} to {@code price}, decided in
     * doubles without allocating: false means it certainly would not. NaN for {@code previous} (no
     * earlier tick) answers false, as {@code checkPrice} has nothing to compare with then.
     */
    public boolean mayFlagPrice(double price, double previous) {
        return previous > 0.0 && Percent.mayReach(price - previous, previous, priceAnomalyScreen);
    }

    /**
     * Remembers {@code price} as the symbol's latest, exactly as {@link #checkPrice} does when it finds
     * nothing: for callers that screened the move with {@link #mayFlagPrice} first. Allocates nothing
     * when the symbol has been seen before.
     */
    public synchronized void notePrice(Symbol symbol, BigDecimal price) {
        if (price.signum() > 0) {
            lastPrices.put(symbol, price);
        }
    }

    /**
     * Checks the best bid/ask spread against the mid price. A crossed book (ask below bid) is measured
     * by its absolute width, so it is flagged as readily as a wide one.
     *
     * @return a high-severity {@link SafetyEventType#SPREAD_ANOMALY} when {@code |ask − bid| / mid × 100
     *     ≥ threshold}; empty when the data has no quotes
     */
    public Optional<SafetyEvent> checkSpread(MarketData md) {
        if (!md.hasQuotes()) {
            return Optional.empty();
        }
        BigDecimal width = md.ask().subtract(md.bid()).abs();
        BigDecimal mid = md.ask().add(md.bid()).divide(BigDecimal.valueOf(2));
        if (!Percent.atLeast(width, mid, spreadAnomalyPct)) {
            return Optional.empty();
        }
        String spreadPct = Percent.of(width, mid);
        String message = md.symbol() + " bid/ask spread is " + spreadPct + "% of the mid price (bid "
                + Percent.plain(md.bid()) + ", ask " + Percent.plain(md.ask()) + "), at or beyond the "
                + Percent.plain(spreadAnomalyPct) + "% anomaly threshold";
        Map<String, String> details = Map.of(
                "bid", Percent.plain(md.bid()),
                "ask", Percent.plain(md.ask()),
                "spread_pct", spreadPct,
                "threshold_pct", Percent.plain(spreadAnomalyPct));
        return Optional.of(event(SafetyEventType.SPREAD_ANOMALY, Severity.HIGH, md.symbol(), message, details));
    }

    /**
     * Compares a balance reported by the exchange with what the database expects.
     *
     * @return a critical, account-wide {@link SafetyEventType#BALANCE_MISMATCH} when {@code |actual −
     *     expected| / max(|expected|, 0.00000001) × 100} exceeds the tolerance (equal is tolerated)
     */
    public Optional<SafetyEvent> checkBalanceMismatch(String currency, BigDecimal expected, BigDecimal actual) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        BigDecimal difference = actual.subtract(expected);
        BigDecimal base = expected.abs().max(TINY);
        if (!Percent.above(difference.abs(), base, balanceMismatchTolerancePct)) {
            return Optional.empty();
        }
        String differencePct = Percent.of(difference, base);
        String message = currency + " balance on the exchange is " + Percent.plain(actual) + " but "
                + Percent.plain(expected) + " was expected (" + differencePct + "%, tolerance "
                + Percent.plain(balanceMismatchTolerancePct) + "%)";
        Map<String, String> details = Map.of(
                "currency", currency,
                "expected", Percent.plain(expected),
                "actual", Percent.plain(actual),
                "difference", Percent.plain(difference),
                "difference_pct", differencePct,
                "tolerance_pct", Percent.plain(balanceMismatchTolerancePct));
        return Optional.of(event(SafetyEventType.BALANCE_MISMATCH, Severity.CRITICAL, null, message, details));
    }

    private SafetyEvent event(
            SafetyEventType type, Severity severity, Symbol symbol, String message, Map<String, String> details) {
        return new SafetyEvent(type, severity, symbol, message, details, clock.instant());
    }

    private static String truncate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR_LENGTH ? oneLine : oneLine.substring(0, MAX_ERROR_LENGTH) + "...";
    }
}
