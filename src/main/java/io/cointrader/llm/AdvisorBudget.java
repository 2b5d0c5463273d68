package io.cointrader.llm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Caps the advisor's daily spend: at most {@code dailyCallLimit} calls and {@code dailyTokenLimit}
 * tokens per UTC day (Upbit's day starts at 00:00 UTC). Counts live in memory, so a restart starts the
 * day afresh. Thread-safe.
 */
public final class AdvisorBudget {

    /** What one UTC day has used so far. */
    public record Usage(LocalDate day, int calls, long tokens) {}

    private final int dailyCallLimit;
    private final long dailyTokenLimit;
    private final Clock clock;
    private LocalDate day;
    private int calls;
    private long tokens;

    public AdvisorBudget(int dailyCallLimit, long dailyTokenLimit, Clock clock) {
        if (dailyCallLimit < 0 || dailyTokenLimit < 0) {
            throw new IllegalArgumentException("daily limits must not be negative");
        }
        this.dailyCallLimit = dailyCallLimit;
        this.dailyTokenLimit = dailyTokenLimit;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.day = today();
    }

    /**
     * Takes one call from today's budget.
     *
     * @return false, taking nothing, when today's calls or tokens are used up
     */
    public synchronized boolean tryAcquire() {
        rollOver();
        if (calls >= dailyCallLimit || tokens >= dailyTokenLimit) {
            return false;
        }
        calls++;
        return true;
    }

    /** Adds what a finished call cost to today's tokens. */
    public synchronized void record(long usedTokens) {
        rollOver();
        tokens += Math.max(0, usedTokens);
    }

    public synchronized Usage usage() {
        rollOver();
        return new Usage(day, calls, tokens);
    }

    private void rollOver() {
        LocalDate now = today();
        if (!now.equals(day)) {
            day = now;
            calls = 0;
            tokens = 0;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
