package io.cointrader.backtest;

import java.util.Arrays;

/**
 * Picks the points of long series worth drawing: the series are cut into equal buckets and each
 * bucket keeps the indices of its lowest and highest value of every series, so a chart of a few
 * thousand points still shows every drawdown and spike of millions. {@code NaN} values are
 * skipped; the first and the last index are always kept.
 */
final class Downsample {

    /** Points per chart series: about as many as a wide screen has pixels, twice over. */
    static final int MAX_POINTS = 4000;

    private Downsample() {}

    /**
     * Ascending, distinct indices into series of length {@code n}, at most {@code maxPoints} of
     * them (every index when {@code n <= maxPoints}).
     */
    static int[] indices(int n, int maxPoints, double[]... series) {
        if (n <= maxPoints) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int perBucket = 2 * Math.max(1, series.length);
        int buckets = Math.max(1, (maxPoints - 2) / perBucket);
        int[] out = new int[buckets * perBucket + 2];
        int[] picks = new int[perBucket];
        int size = 0;
        out[size++] = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int k = extremes(series, from, to, picks);
            Arrays.sort(picks, 0, k);
            for (int j = 0; j < k; j++) {
                if (picks[j] > out[size - 1]) {
                    out[size++] = picks[j];
                }
            }
        }
        if (out[size - 1] != n - 1) {
            out[size++] = n - 1;
        }
        return Arrays.copyOf(out, size);
    }

    /** Writes the indices of the min and max of every series in [from, to) to picks; returns how many. */
    private static int extremes(double[][] series, int from, int to, int[] picks) {
        int k = 0;
        for (double[] s : series) {
            int min = -1;
            int max = -1;
            for (int i = from; i < to; i++) {
                double v = s[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (min < 0 || v < s[min]) {
                    min = i;
                }
                if (max < 0 || v > s[max]) {
                    max = i;
                }
            }
            if (min >= 0) {
                picks[k++] = min;
                picks[k++] = max;
            }
        }
        if (k == 0) {
            picks[k++] = from;
        }
        return k;
    }
}
