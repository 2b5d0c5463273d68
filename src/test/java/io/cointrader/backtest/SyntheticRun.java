package io.cointrader.backtest;

import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic, self-consistent backtest result without the trading stack: random-walk prices per
 * symbol, EMA crossovers that buy with a share of the cash and sell the whole position, fees at the
 * fee rate, and the equity as cash plus positions at each step's close.
 */
final class SyntheticRun {

    private static final BigDecimal FEE_RATE = new BigDecimal("0.0005");
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    private SyntheticRun() {}

    static BacktestResult generate(int steps, long seed, List<String> symbolNames, Map<String, String> settings) {
        Random random = new Random(seed);
        int n = symbolNames.size();
        long[] times = new long[steps];
        for (int i = 0; i < steps; i++) {
            times[i] = START.getEpochSecond() + 3600L * i;
        }
        List<SymbolSeries> series = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            series.add(walk(Symbol.parse(symbolNames.get(s)), times, 50_000_000.0 / (s * 20 + 1), random));
        }
        BigDecimal cash = new BigDecimal("10000000");
        BigDecimal[] held = new BigDecimal[n];
        Arrays.fill(held, BigDecimal.ZERO);
        List<Fill> fills = new ArrayList<>();
        double[] equity = new double[steps];
        BigDecimal fees = BigDecimal.ZERO;
        long exposed = 0;
        for (int i = 0; i < steps; i++) {
            boolean holding = false;
            for (int s = 0; s < n; s++) {
                SymbolSeries ser = series.get(s);
                BigDecimal price = BigDecimal.valueOf(ser.close()[i]).setScale(0, RoundingMode.HALF_UP);
                boolean up = ser.fastEma()[i] > ser.slowEma()[i];
                boolean wasUp = i > 0 && ser.fastEma()[i - 1] > ser.slowEma()[i - 1];
                Instant at = Instant.ofEpochSecond(times[i]);
                if (up && !wasUp && held[s].signum() == 0 && i > 30) {
                    BigDecimal spend = cash.divide(BigDecimal.valueOf(n - s + 1L), 0, RoundingMode.DOWN);
                    BigDecimal qty = spend.divide(price.multiply(BigDecimal.ONE.add(FEE_RATE)), 8, RoundingMode.DOWN);
                    BigDecimal fee = price.multiply(qty).multiply(FEE_RATE).setScale(8, RoundingMode.HALF_UP);
                    cash = cash.subtract(price.multiply(qty)).subtract(fee);
                    held[s] = qty;
                    fees = fees.add(fee);
                    fills.add(fill(fills.size(), ser.symbol(), Side.BUY, price, qty, fee, at));
                } else if (!up && wasUp && held[s].signum() > 0) {
                    BigDecimal fee = price.multiply(held[s]).multiply(FEE_RATE).setScale(8, RoundingMode.HALF_UP);
                    cash = cash.add(price.multiply(held[s])).subtract(fee);
                    fees = fees.add(fee);
                    fills.add(fill(fills.size(), ser.symbol(), Side.SELL, price, held[s], fee, at));
                    held[s] = BigDecimal.ZERO;
                }
                holding |= held[s].signum() > 0;
            }
            BigDecimal value = cash;
            for (int s = 0; s < n; s++) {
                value = value.add(
                        held[s].multiply(BigDecimal.valueOf(series.get(s).close()[i])));
            }
            equity[i] = value.doubleValue();
            exposed += holding ? 1 : 0;
        }
        BigDecimal finalEquity = BigDecimal.valueOf(equity[steps - 1]).round(MathContext.DECIMAL64);
        BacktestSpec spec = new BacktestSpec(
                series.stream().map(SymbolSeries::symbol).toList(),
                Duration.ofHours(1),
                Instant.ofEpochSecond(times[0]),
                Instant.ofEpochSecond(times[steps - 1]),
                new BigDecimal("10000000"),
                FEE_RATE,
                "synthetic random walk, seed " + seed,
                settings);
        return new BacktestResult(
                spec,
                new EquityCurve(times, equity),
                series,
                List.of(),
                fills,
                Map.of("MAX_POSITIONS", 3, "DAILY_LOSS_LIMIT", 1, "MIN_ORDER_VALUE", 7),
                Map.of("PRICE_ANOMALY", 2),
                finalEquity,
                fees,
                exposed,
                (long) steps * n,
                Duration.ofMillis(850));
    }

    private static SymbolSeries walk(Symbol symbol, long[] times, double start, Random random) {
        int steps = times.length;
        double[] close = new double[steps];
        double[] fast = new double[steps];
        double[] slow = new double[steps];
        double price = start;
        double kFast = 2.0 / (12 + 1);
        double kSlow = 2.0 / (26 + 1);
        for (int i = 0; i < steps; i++) {
            price *= Math.exp(random.nextGaussian() * 0.008 + 0.00005);
            close[i] = Math.round(price);
            fast[i] = i == 0 ? close[i] : fast[i - 1] + kFast * (close[i] - fast[i - 1]);
            slow[i] = i == 0 ? close[i] : slow[i - 1] + kSlow * (close[i] - slow[i - 1]);
        }
        for (int i = 0; i < Math.min(26, steps); i++) {
            slow[i] = Double.NaN;
            if (i < 12) {
                fast[i] = Double.NaN;
            }
        }
        return new SymbolSeries(symbol, times.clone(), close, fast, slow);
    }

    private static Fill fill(
            int number, Symbol symbol, Side side, BigDecimal price, BigDecimal qty, BigDecimal fee, Instant at) {
        return new Fill("fill-" + number, "order-" + number, symbol, side, price, qty, fee, symbol.quote(), at);
    }
}
