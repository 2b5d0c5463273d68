package io.cointrader.app;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.CandleSeries;
import io.cointrader.exchange.replay.History;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled history made longer for runs that trade for hours of wall time: the span all symbols
 * share, played forward, then backward in time, then forward again, and so on. A backward pass mirrors
 * each candle (open and close swapped), so every seam continues at the price where the last pass
 * ended: real price moves, no jumps.
 */
final class MirroredHistory {

    private static final long DAY = 86_400;

    private MirroredHistory() {}

    /** {@code passes} passes over the bundled history (at least one: the plain shared span). */
    static History of(int passes) {
        History bundled = History.bundled();
        Instant start = bundled.symbols().stream()
                .map(s -> bundled.series(s).orElseThrow().first().openTime())
                .max(Instant::compareTo)
                .orElseThrow();
        Map<Symbol, List<Candle>> candles = new LinkedHashMap<>();
        for (Symbol symbol : bundled.symbols()) {
            List<Candle> shared = bundled.series(symbol).orElseThrow().candles().stream()
                    .filter(c -> !c.openTime().isBefore(start))
                    .toList();
            candles.put(symbol, mirrored(shared, passes));
        }
        return History.of(candles);
    }

    /**
     * {@code history} moved by whole days (every candle keeps its hour of the day) so that it ends at
     * least a day before {@code moment}. A trader on the real clock against a simulator that stamps
     * orders with market time takes the gap between the two clocks for each order's age: a market that
     * stays behind the wall clock by more than a day makes every resting order older than any timeout
     * at its next tick, whatever the machine's date.
     */
    static History endingBefore(History history, Instant moment) {
        Instant end = history.symbols().stream()
                .map(s -> history.series(s).orElseThrow().end())
                .max(Instant::compareTo)
                .orElseThrow();
        return movedBy(
                history,
                Duration.ofDays(Math.floorDiv(Duration.between(end, moment).toSeconds(), DAY) - 1));
    }

    /**
     * {@code history} moved by whole days so that it starts at least a day after {@code moment}: a market
     * ahead of the wall clock, on which a trader on the real clock never sees an order time out.
     */
    static History startingAfter(History history, Instant moment) {
        Instant start = history.symbols().stream()
                .map(s -> history.series(s).orElseThrow().first().openTime())
                .min(Instant::compareTo)
                .orElseThrow();
        return movedBy(
                history,
                Duration.ofDays(-Math.floorDiv(Duration.between(moment, start).toSeconds(), DAY) + 1));
    }

    private static History movedBy(History history, Duration shift) {
        Map<Symbol, List<Candle>> candles = new LinkedHashMap<>();
        for (Symbol symbol : history.symbols()) {
            candles.put(
                    symbol,
                    history.series(symbol).orElseThrow().candles().stream()
                            .map(c -> new Candle(
                                    c.openTime().plus(shift), c.open(), c.high(), c.low(), c.close(), c.volume()))
                            .toList());
        }
        return History.of(candles);
    }

    private static List<Candle> mirrored(List<Candle> span, int passes) {
        Instant first = span.get(0).openTime();
        Instant last = span.get(span.size() - 1).openTime();
        Duration period = Duration.between(first, last).plus(CandleSeries.INTERVAL);
        List<Candle> out = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            Instant passStart = first.plus(period.multipliedBy(pass));
            if (pass % 2 == 0) {
                for (Candle c : span) {
                    out.add(new Candle(
                            passStart.plus(Duration.between(first, c.openTime())),
                            c.open(),
                            c.high(),
                            c.low(),
                            c.close(),
                            c.volume()));
                }
            } else {
                for (int i = span.size() - 1; i >= 0; i--) {
                    Candle c = span.get(i);
                    out.add(new Candle(
                            passStart.plus(Duration.between(c.openTime(), last)),
                            c.close(),
                            c.high(),
                            c.low(),
                            c.open(),
                            c.volume()));
                }
            }
        }
        return out;
    }
}
