package io.cointrader.sim;

import io.cointrader.core.Money;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Matches resting limit orders against the replayed price path in discrete steps of market time.
 * Steps sit on multiples of {@code step} since the epoch; advancing to a time runs every step not yet
 * run, so fills depend only on market time, never on how often clients call. At each step, for each
 * market that trades at that moment ({@link PricePath#tradingAt}: inside a candle or at its close), a
 * bid fills when the path price is at or below its limit and an ask when it is at or above; the trade
 * price is the order's limit. Each side of a market can fill at most {@code fillFraction} of the
 * hour's volume per step, shared best price first, then oldest first, which makes big orders fill in
 * pieces, deterministically. Accepted cancels take effect at the start of every advance, before any
 * fill.
 */
final class Matcher {

    private final Ledger ledger;
    private final PricePath path;
    private final long stepMillis;
    private final BigDecimal fillFraction;
    private Instant lastStep;

    Matcher(Ledger ledger, PricePath path, Duration step, BigDecimal fillFraction, Instant start) {
        this.ledger = ledger;
        this.path = path;
        this.stepMillis = step.toMillis();
        this.fillFraction = fillFraction;
        this.lastStep = floorToStep(start);
    }

    /**
     * Brings the books up to a request's moment, as one step under the ledger's lock: {@link #advanceTo}
     * {@code marketNow} (trades stamped {@code wallNow}), then creates the late orders due by {@code
     * wallNow}, stamped with it.
     * Matching comes first so that an order created late never fills at prices from before it existed.
     */
    void catchUp(Instant marketNow, Instant wallNow) {
        synchronized (ledger) {
            advanceTo(marketNow, wallNow);
            ledger.createDueOrders(wallNow);
        }
    }

    /**
     * Applies accepted cancels, then runs every step up to {@code now} of market time; the trades are
     * stamped {@code wallNow}, the moment the exchange learned of them, as a real exchange stamps trades
     * with its own time.
     */
    void advanceTo(Instant now, Instant wallNow) {
        synchronized (ledger) {
            ledger.applyCancels();
            Instant target = floorToStep(now);
            while (target.isAfter(lastStep) && ledger.hasOpenOrders()) {
                lastStep = lastStep.plusMillis(stepMillis);
                runStep(lastStep, wallNow);
            }
            if (target.isAfter(lastStep)) {
                lastStep = target;
            }
        }
    }

    private void runStep(Instant at, Instant stamp) {
        for (Symbol symbol : ledger.marketsWithOpenOrders()) {
            path.tradingAt(symbol, at).ifPresent(trading -> {
                boolean rose = path.priceAt(symbol, at.minusMillis(stepMillis))
                        .map(before -> trading.price().compareTo(before) >= 0)
                        .orElse(true);
                BigDecimal liquidity =
                        trading.candleVolume().multiply(fillFraction).setScale(Money.VOLUME_SCALE, RoundingMode.DOWN);
                fillSide(symbol, Side.BUY, trading.price(), liquidity, new Moment(stamp, at), rose);
                fillSide(symbol, Side.SELL, trading.price(), liquidity, new Moment(stamp, at), rose);
            });
        }
    }

    /** When a step's trades happen: {@code stamp} of the wall clock, {@code market} of the market. */
    private record Moment(Instant stamp, Instant market) {}

    private void fillSide(
            Symbol symbol, Side side, BigDecimal price, BigDecimal liquidity, Moment moment, boolean rose) {
        Comparator<LedgerOrder> bestFirst = side == Side.BUY
                ? Comparator.comparing(LedgerOrder::price).reversed()
                : Comparator.comparing(LedgerOrder::price);
        List<LedgerOrder> crossing = ledger.openOrders(symbol, side).stream()
                .filter(o -> side == Side.BUY ? price.compareTo(o.price()) <= 0 : price.compareTo(o.price()) >= 0)
                .sorted(bestFirst.thenComparingLong(LedgerOrder::sequence))
                .toList();
        BigDecimal left = liquidity;
        for (LedgerOrder order : crossing) {
            if (left.signum() <= 0) {
                return;
            }
            BigDecimal volume = order.remainingVolume().min(left);
            ledger.fill(order, volume, moment.stamp(), moment.market(), rose);
            left = left.subtract(volume);
        }
    }

    private Instant floorToStep(Instant time) {
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), stepMillis) * stepMillis);
    }
}
