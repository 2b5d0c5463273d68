package io.cointrader.backtest;

import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small backtest results by hand for tests. */
final class Results {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final List<Symbol> symbols = new ArrayList<>();
    private final List<SymbolSeries> series = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final Map<String, Integer> rejections = new LinkedHashMap<>();
    private final Map<String, Integer> safetyEvents = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private BigDecimal cash = new BigDecimal("1000");
    private BigDecimal feeRate = new BigDecimal("0.0005");
    private Duration interval = Duration.ofHours(1);
    private String dataSource = "test candles";
    private long[] times = new long[0];
    private double[] values = new double[0];
    private BigDecimal finalEquity;
    private long exposedSteps;

    static Results builder() {
        return new Results();
    }

    static long hour(double hours) {
        return T0.getEpochSecond() + Math.round(hours * 3600);
    }

    static long day(double days) {
        return T0.getEpochSecond() + Math.round(days * 86_400);
    }

    static Fill fill(String symbol, Side side, String price, String quantity, String fee, long epochSecond) {
        return new Fill(
                "f-" + symbol + "-" + epochSecond + "-" + side + "-" + quantity,
                "o-" + epochSecond,
                Symbol.parse(symbol),
                side,
                new BigDecimal(price),
                new BigDecimal(quantity),
                new BigDecimal(fee),
                Symbol.parse(symbol).quote(),
                Instant.ofEpochSecond(epochSecond));
    }

    Results cash(String amount) {
        cash = new BigDecimal(amount);
        return this;
    }

    Results feeRate(String rate) {
        feeRate = new BigDecimal(rate);
        return this;
    }

    Results interval(Duration d) {
        interval = d;
        return this;
    }

    Results dataSource(String text) {
        dataSource = text;
        return this;
    }

    Results setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** The equity curve; the final equity is its last value unless set. */
    Results equity(long[] t, double... v) {
        times = t;
        values = v;
        return this;
    }

    Results finalEquity(String amount) {
        finalEquity = new BigDecimal(amount);
        return this;
    }

    /** A series on the equity curve's times with the given closes and no EMAs. */
    Results series(String symbol, double... closes) {
        double[] nan = new double[closes.length];
        Arrays.fill(nan, Double.NaN);
        return series(new SymbolSeries(Symbol.parse(symbol), times.clone(), closes, nan, nan.clone()));
    }

    Results series(SymbolSeries s) {
        symbols.add(s.symbol());
        series.add(s);
        return this;
    }

    Results fills(Fill... f) {
        fills.addAll(List.of(f));
        return this;
    }

    Results rejection(String check, int count) {
        rejections.put(check, count);
        return this;
    }

    Results safetyEvent(String type, int count) {
        safetyEvents.put(type, count);
        return this;
    }

    Results exposedSteps(long steps) {
        exposedSteps = steps;
        return this;
    }

    BacktestResult build() {
        Instant from = times.length == 0 ? T0 : Instant.ofEpochSecond(times[0]);
        Instant to = times.length == 0 ? T0 : Instant.ofEpochSecond(times[times.length - 1]);
        BacktestSpec spec = new BacktestSpec(symbols, interval, from, to, cash, feeRate, dataSource, settings);
        BigDecimal fin = finalEquity != null
                ? finalEquity
                : values.length == 0 ? cash : BigDecimal.valueOf(values[values.length - 1]);
        BigDecimal fees = fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BacktestResult(
                spec,
                new EquityCurve(times, values),
                series,
                List.of(),
                fills,
                rejections,
                safetyEvents,
                fin,
                fees,
                exposedSteps,
                (long) times.length * Math.max(1, symbols.size()),
                Duration.ofMillis(1234));
    }
}
