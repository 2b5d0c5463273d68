package io.cointrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Drawdown and hourly-return statistics against brute-force computations on random curves. */
class CurveProperties {

    /** A curve: ascending epoch seconds and positive equity values. */
    record Curve(long[] times, double[] values) {

        @Override
        public String toString() {
            return java.util.Arrays.toString(times) + " " + java.util.Arrays.toString(values);
        }
    }

    @Provide
    Arbitrary<Curve> curves() {
        Arbitrary<Integer> sizes = Arbitraries.integers().between(1, 120);
        return sizes.flatMap(n -> Combinators.combine(
                        Arbitraries.longs()
                                .between(1, 3 * 3600)
                                .array(long[].class)
                                .ofSize(n),
                        Arbitraries.doubles()
                                .between(1, 1000)
                                .ofScale(2)
                                .array(double[].class)
                                .ofSize(n))
                .as((steps, values) -> {
                    long[] times = new long[n];
                    long t = 1_700_000_000L;
                    for (int i = 0; i < n; i++) {
                        t += steps[i];
                        times[i] = t;
                    }
                    return new Curve(times, values);
                }));
    }

    @Property
    void maxDrawdownIsBetweenZeroAndHundredAndEqualsTheBruteForceDepth(@ForAll("curves") Curve c) {
        DrawdownTracker tracker = track(c);

        double brute = 0;
        for (int i = 0; i < c.values.length; i++) {
            for (int j = i + 1; j < c.values.length; j++) {
                brute = Math.max(brute, (c.values[i] - c.values[j]) / c.values[i] * 100);
            }
        }
        assertThat(tracker.maxDepthPct()).isBetween(0.0, 100.0);
        assertThat(tracker.maxDepthPct()).isCloseTo(brute, within(1e-9));
    }

    @Property
    void longestDrawdownEqualsTheBruteForceTimeUnderWater(@ForAll("curves") Curve c) {
        DrawdownTracker tracker = track(c);

        // from each point that the next one falls below, until a later point is back at it (or the end)
        long brute = 0;
        int last = c.values.length - 1;
        for (int i = 0; i < last; i++) {
            if (c.values[i + 1] >= c.values[i]) {
                continue;
            }
            long end = c.times[last];
            for (int j = i + 1; j <= last; j++) {
                if (c.values[j] >= c.values[i]) {
                    end = c.times[j];
                    break;
                }
            }
            brute = Math.max(brute, end - c.times[i]);
        }
        assertThat(tracker.longestSeconds()).isEqualTo(brute);
    }

    @Property
    void hourlyStatisticsEqualThoseOfAnExplicitlyResampledCurve(@ForAll("curves") Curve c) {
        HourlyReturns hourly = new HourlyReturns();
        for (int i = 0; i < c.times.length; i++) {
            hourly.add(c.times[i], c.values[i]);
        }
        hourly.finish();

        List<Double> returns = explicitHourlyReturns(c);
        assertThat(hourly.count()).isEqualTo(returns.size());
        int n = returns.size();
        double mean = returns.stream().mapToDouble(Double::doubleValue).sum() / Math.max(1, n);
        double variance =
                returns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / Math.max(1, n - 1);
        double downside = Math.sqrt(returns.stream()
                        .mapToDouble(r -> Math.min(r, 0) * Math.min(r, 0))
                        .sum()
                / Math.max(1, n));
        if (n >= 2 && variance > 1e-20) {
            assertThat(hourly.sharpe())
                    .isCloseTo(mean / Math.sqrt(variance) * HourlyReturns.ANNUALISATION, within(1e-6));
        }
        if (downside > 0) {
            assertThat(hourly.sortino()).isCloseTo(mean / downside * HourlyReturns.ANNUALISATION, within(1e-6));
        } else {
            assertThat(hourly.sortino()).isNaN();
        }
    }

    @Property
    void ratiosDoNotDependOnTheSizeOfTheAccount(@ForAll("curves") Curve c) {
        double[] scaled = new double[c.values.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = c.values[i] * 1000;
        }
        HourlyReturns a = returns(c.times, c.values);
        HourlyReturns b = returns(c.times, scaled);

        assertThat(track(new Curve(c.times, scaled)).maxDepthPct()).isCloseTo(track(c).maxDepthPct(), within(1e-9));
        if (!Double.isNaN(a.sharpe())) {
            assertThat(b.sharpe()).isCloseTo(a.sharpe(), within(1e-6 * Math.max(1, Math.abs(a.sharpe()))));
        }
    }

    private static DrawdownTracker track(Curve c) {
        DrawdownTracker tracker = new DrawdownTracker();
        for (int i = 0; i < c.times.length; i++) {
            tracker.add(c.times[i], c.values[i]);
        }
        return tracker;
    }

    private static HourlyReturns returns(long[] times, double[] values) {
        HourlyReturns hourly = new HourlyReturns();
        for (int i = 0; i < times.length; i++) {
            hourly.add(times[i], values[i]);
        }
        hourly.finish();
        return hourly;
    }

    /** Every UTC hour from the first to the last, each with the last value seen by its end. */
    private static List<Double> explicitHourlyReturns(Curve c) {
        long firstHour = Math.floorDiv(c.times[0], 3600);
        long lastHour = Math.floorDiv(c.times[c.times.length - 1], 3600);
        List<Double> closes = new ArrayList<>();
        int i = 0;
        double value = c.values[0];
        for (long h = firstHour; h <= lastHour; h++) {
            while (i < c.times.length && Math.floorDiv(c.times[i], 3600) == h) {
                value = c.values[i++];
            }
            closes.add(value);
        }
        List<Double> returns = new ArrayList<>();
        for (int k = 1; k < closes.size(); k++) {
            returns.add(closes.get(k) / closes.get(k - 1) - 1);
        }
        return returns;
    }
}
