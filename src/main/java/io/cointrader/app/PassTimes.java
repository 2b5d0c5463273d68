package io.cointrader.app;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the loop's passes take against its tick budget (MARKET_DATA_INTERVAL_SEC): a pass that
 * takes longer than the budget delays the next one, so it is logged as a warning when it happens and
 * counted for the run's summary. Durations go into buckets that grow by a quarter each, so that the
 * median and the 99th percentile cost constant memory however long the loop runs; they are reported
 * as the upper bound of their bucket, at most a quarter above the true value.
 */
final class PassTimes {

    private static final Logger LOG = LoggerFactory.getLogger(PassTimes.class);
    private static final double GROWTH = 1.25;
    private static final long SMALLEST_NANOS = 10_000; // 10 µs: the first bucket holds everything below
    private static final int BUCKETS = 96; // up to 10 µs × 1.25^95, some 4 hours; the last holds the rest

    private final Duration budget;
    private final LongSupplier nanoTime;
    private final long[] counts = new long[BUCKETS];
    private long passes;
    private long overBudget;
    private long slowestNanos;

    PassTimes(Duration budget, LongSupplier nanoTime) {
        this.budget = budget;
        this.nanoTime = nanoTime;
    }

    /** The monotonic time now, to pass to {@link #finished} when the pass ends. */
    long start() {
        return nanoTime.getAsLong();
    }

    /** Records a pass that began at {@code startNanos} (from {@link #start}). */
    void finished(long startNanos) {
        long nanos = Math.max(0, nanoTime.getAsLong() - startNanos);
        passes++;
        counts[bucket(nanos)]++;
        slowestNanos = Math.max(slowestNanos, nanos);
        if (nanos > budget.toNanos()) {
            overBudget++;
            LOG.warn(
                    "a pass took {} ms, longer than the tick budget of {} s; the next pass starts late",
                    nanos / 1_000_000,
                    budget.toSeconds());
        }
    }

    long passes() {
        return passes;
    }

    long overBudget() {
        return overBudget;
    }

    Duration slowest() {
        return Duration.ofNanos(slowestNanos);
    }

    /** The {@code fraction} quantile (0 < fraction ≤ 1), as the upper bound of its bucket; zero before any pass. */
    Duration quantile(double fraction) {
        if (passes == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(fraction * passes);
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts[b];
            if (seen >= rank) {
                return b == BUCKETS - 1 ? slowest() : Duration.ofNanos(Math.min(upperBound(b), slowestNanos));
            }
        }
        return slowest();
    }

    /** One line for the run's summary. */
    String summary() {
        return "pass time median " + millis(quantile(0.5)) + ", 99th percentile " + millis(quantile(0.99))
                + ", slowest " + millis(slowest()) + " (tick budget " + budget.toSeconds() + " s, passes over it "
                + overBudget + ")";
    }

    private static String millis(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    private static int bucket(long nanos) {
        if (nanos <= SMALLEST_NANOS) {
            return 0;
        }
        int b = 1 + (int) Math.floor(Math.log((double) nanos / SMALLEST_NANOS) / Math.log(GROWTH));
        return Math.min(b, BUCKETS - 1);
    }

    private static long upperBound(int bucket) {
        return (long) Math.ceil(SMALLEST_NANOS * Math.pow(GROWTH, bucket));
    }
}
