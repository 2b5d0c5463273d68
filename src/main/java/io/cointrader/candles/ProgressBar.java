package io.cointrader.candles;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A console progress bar: {@code label [########............] 42% 1,234/2,900 ETA 0:12}.
 *
 * <p>On a terminal ({@code interactive}) it redraws one line in place with {@code \r}, at most every
 * 100 ms, and ends the line on {@link #finish()}. Otherwise (a pipe, a CI log) it prints a plain line
 * when the first update arrives, each time another tenth of the total is reached, and at the end.
 *
 * <p>{@link #update} may be called once per item in a hot loop: when it decides not to draw it only
 * compares numbers and allocates nothing. The ETA assumes the rest goes at the average pace so far.
 * Time comes from the injected nanosecond source. Not thread-safe: call it from one thread.
 */
public final class ProgressBar {

    private static final int WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private final String label;
    private final long total;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final StringBuilder line = new StringBuilder(96);

    private long done;
    private boolean drawn;
    private long lastDrawNanos;
    private int lastTenth = -1;
    private long lastPrintedDone = -1;
    private int lastLength;
    private boolean finished;

    /**
     * @param total number of items expected, at least 0
     * @param nanoTime monotonic time in nanoseconds, e.g. {@code System::nanoTime}
     */
    public ProgressBar(PrintWriter out, boolean interactive, String label, long total, LongSupplier nanoTime) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative, got " + total);
        }
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
        this.label = Objects.requireNonNull(label, "label");
        this.total = total;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.startNanos = nanoTime.getAsLong();
    }

    /** Reports {@code done} items finished (clamped to 0..total); draws when it is time to. */
    public void update(long done) {
        if (finished) {
            return;
        }
        this.done = done < 0 ? 0 : Math.min(done, total);
        if (interactive) {
            long now = nanoTime.getAsLong();
            if (drawn && now - lastDrawNanos < REDRAW_NANOS) {
                return;
            }
            redraw(now);
        } else {
            int tenth = tenth();
            if (tenth <= lastTenth) {
                return;
            }
            lastTenth = tenth;
            printLine(nanoTime.getAsLong());
        }
    }

    /** Draws the final state and ends the line; later calls of either method do nothing. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        long now = nanoTime.getAsLong();
        if (interactive) {
            redraw(now);
            out.println();
            out.flush();
        } else if (lastPrintedDone != done) {
            printLine(now);
        }
    }

    private void redraw(long now) {
        compose(now);
        int length = line.length();
        for (int i = length; i < lastLength; i++) {
            line.append(' ');
        }
        lastLength = length;
        out.print('\r');
        out.append(line);
        out.flush();
        drawn = true;
        lastDrawNanos = now;
    }

    private void printLine(long now) {
        compose(now);
        out.append(line);
        out.println();
        out.flush();
        lastPrintedDone = done;
    }

    private void compose(long now) {
        double fraction = total == 0 ? 1.0 : (double) done / total;
        int filled = (int) (fraction * WIDTH);
        line.setLength(0);
        line.append(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            line.append(i < filled ? '#' : '.');
        }
        line.append("] ").append((int) (fraction * 100)).append("% ");
        appendGrouped(done);
        line.append('/');
        appendGrouped(total);
        line.append(" ETA ");
        appendEta(now);
    }

    private int tenth() {
        return total == 0 ? 10 : (int) ((double) done / total * 10);
    }

    private void appendEta(long now) {
        if (done >= total) {
            line.append("0:00");
            return;
        }
        if (done == 0) {
            line.append("--:--");
            return;
        }
        double elapsed = Math.max(0, now - startNanos);
        long seconds = (long) Math.ceil(elapsed * (total - done) / done / NANOS_PER_SECOND);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        if (hours > 0) {
            line.append(hours).append(':');
            twoDigits(minutes);
        } else {
            line.append(minutes);
        }
        line.append(':');
        twoDigits(seconds % 60);
    }

    private void twoDigits(long value) {
        if (value < 10) {
            line.append('0');
        }
        line.append(value);
    }

    /** {@code 1234567} as {@code 1,234,567}, whatever the default locale. */
    private void appendGrouped(long value) {
        int start = line.length();
        line.append(value);
        int digitsStart = value < 0 ? start + 1 : start;
        for (int i = line.length() - 3; i > digitsStart; i -= 3) {
            line.insert(i, ',');
        }
    }
}
