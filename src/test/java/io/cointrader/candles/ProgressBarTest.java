package io.cointrader.candles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final long MS = 1_000_000L;

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);
    private final AtomicLong nanos = new AtomicLong(5_000 * MS);

    private ProgressBar bar(boolean interactive, long total) {
        return new ProgressBar(out, interactive, "BTC/KRW 60m", total, nanos::get);
    }

    private void at(long millisSinceStart) {
        nanos.set(5_000 * MS + millisSinceStart * MS);
    }

    @Test
    void drawsLabelBarPercentCountsAndEta() {
        ProgressBar bar = bar(false, 2_900);
        at(8_800);

        bar.update(1_234);

        assertThat(text.toString()).isEqualTo("BTC/KRW 60m [########............] 42% 1,234/2,900 ETA 0:12\n");
    }

    @Test
    void pipedOutputPrintsAPlainLineAtEachTenthAndAtTheEnd() {
        ProgressBar bar = bar(false, 2_900);
        for (int done = 0; done <= 1_500; done++) {
            at(done * 10L);
            bar.update(done);
        }
        bar.finish();
        bar.update(2_900);
        bar.finish();

        List<String> lines = text.toString().lines().toList();
        assertThat(text.toString()).doesNotContain("\r");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("BTC/KRW 60m [....................] 0% 0/2,900 ETA --:--");
        assertThat(lines.get(1)).startsWith("BTC/KRW 60m [##..................] 10% 290/2,900 ETA ");
        assertThat(lines.get(5)).contains("] 50% 1,450/2,900 ");
        assertThat(lines.get(6)).contains("] 51% 1,500/2,900 ");
    }

    @Test
    void pipedOutputDoesNotRepeatTheLastLineOnFinish() {
        ProgressBar bar = bar(false, 10);
        for (int done = 0; done <= 10; done++) {
            bar.update(done);
        }
        bar.finish();

        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.get(10)).isEqualTo("BTC/KRW 60m [####################] 100% 10/10 ETA 0:00");
    }

    @Test
    void terminalOutputRedrawsOneLineAtMostEveryHundredMilliseconds() {
        ProgressBar bar = bar(true, 10);
        at(0);
        bar.update(0);
        at(99);
        bar.update(1);
        at(100_000);
        bar.update(1);
        at(100_050);
        bar.update(2);
        at(200_000);
        bar.update(9);
        at(250_000);
        bar.finish();

        assertThat(text.toString())
                .isEqualTo("\rBTC/KRW 60m [....................] 0% 0/10 ETA --:--"
                        + "\rBTC/KRW 60m [##..................] 10% 1/10 ETA 15:00"
                        + "\rBTC/KRW 60m [##################..] 90% 9/10 ETA 0:23 " // covers the longer line
                        + "\rBTC/KRW 60m [##################..] 90% 9/10 ETA 0:28"
                        + System.lineSeparator());
    }

    @Test
    void longEtasShowHours() {
        ProgressBar bar = bar(false, 100);
        at(100_000);

        bar.update(1);

        assertThat(text.toString()).contains(" 1% 1/100 ETA 2:45:00");
    }

    @Test
    void groupsLargeCountsWithCommasAndClampsOutOfRangeUpdates() {
        ProgressBar bar = bar(false, 1_234_567);
        bar.update(-5);
        bar.update(9_999_999);

        assertThat(text.toString().lines().toList())
                .containsExactly(
                        "BTC/KRW 60m [....................] 0% 0/1,234,567 ETA --:--",
                        "BTC/KRW 60m [####################] 100% 1,234,567/1,234,567 ETA 0:00");
    }

    @Test
    void anEmptyJobIsCompleteAtOnce() {
        ProgressBar bar = bar(false, 0);
        bar.finish();

        assertThat(text.toString()).isEqualTo("BTC/KRW 60m [####################] 100% 0/0 ETA 0:00\n");
    }

    @Test
    void updatesThatDoNotDrawAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ProgressBar terminal = bar(true, 10_000_000);
        ProgressBar piped = bar(false, 10_000_000);
        terminal.update(0);
        piped.update(0);
        int length = text.toString().length();

        long before = threads.getThreadAllocatedBytes(thread);
        for (int done = 1; done < 900_000; done++) {
            terminal.update(done);
            piped.update(done);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(text.toString()).hasSize(length);
        assertThat(allocated).isLessThan(4_096);
    }
}
