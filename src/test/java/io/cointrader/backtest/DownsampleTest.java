package io.cointrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    @Test
    void shortSeriesKeepEveryPoint() {
        assertThat(Downsample.indices(5, 4000, new double[5])).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aSingleSpikeInAMillionPointsSurvives() {
        double[] values = new double[1_000_000];
        Arrays.fill(values, 100);
        values[777_777] = 250;
        values[333_333] = 1;

        int[] picked = Downsample.indices(values.length, 4000, values);

        assertThat(picked.length).isLessThanOrEqualTo(4000);
        assertThat(picked).contains(777_777, 333_333, 0, 999_999);
    }

    @Test
    void gapsOfNotANumberAreSkipped() {
        double[] values = new double[10_000];
        Arrays.fill(values, Double.NaN);
        values[9_000] = 5;

        int[] picked = Downsample.indices(values.length, 100, values);

        assertThat(picked).contains(9_000);
        assertThat(picked.length).isLessThanOrEqualTo(100);
    }

    @Property(tries = 200)
    void keepsTheExtremesOfEverySeriesInAscendingOrderWithinTheLimit(
            @ForAll @IntRange(min = 1, max = 50_000) int n,
            @ForAll @IntRange(min = 10, max = 5000) int maxPoints,
            @ForAll long seed) {
        Random random = new Random(seed);
        double[] a = random.doubles(n).toArray();
        double[] b = random.doubles(n).map(v -> -v * 3).toArray();

        int[] picked = Downsample.indices(n, maxPoints, a, b);

        assertThat(picked.length).isLessThanOrEqualTo(Math.min(n, maxPoints));
        for (int i = 1; i < picked.length; i++) {
            assertThat(picked[i]).isGreaterThan(picked[i - 1]);
        }
        assertThat(picked[0]).isZero();
        assertThat(picked[picked.length - 1]).isEqualTo(n - 1);
        assertThat(picked).contains(argMin(a), argMax(a), argMin(b), argMax(b));
    }

    private static int argMin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] < v[best] ? i : best;
        }
        return best;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }
}
