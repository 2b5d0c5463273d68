package io.cointrader.llm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Caps the advisor's daily spend: at most {@code dailyCallLimit} calls and {@code dailyTokenLimit}
 * tokens per UTC day (Upbit's day starts at 00:00 UTC) of the trading clock. The caller passes the
 * trading time of each question, so a replay counts its simulated days, not the days of the machine it
 * runs on. Days only move forward: a question from a day before the current one counts towards the
 * current one. Counts live in memory, so a restart starts the day afresh. Thread-safe.
 */
public final class AdvisorBudget {

    /** What one UTC day has used so far; {@code day} is null before the first question. */
    public record Usage(LocalDate day, int calls, long tokens) {}

    private final int dailyCallLimit;
    private final long dailyTokenLimit;
    private LocalDate day;
    private int calls;
    private long tokens;

    public AdvisorBudget(int dailyCallLimit, long dailyTokenLimit) {
        if (dailyCallLimit < 0 || dailyTokenLimit < 0) {
            throw new IllegalArgumentException("daily limits must not be negative");
        }
        this.dailyCallLimit = dailyCallLimit;
        this.dailyTokenLimit = dailyTokenLimit;
    }

    /**
     * Takes one call from the budget of the day of {@code tradingTime}.
     *
     * @return false, taking nothing, when that day's calls or tokens are used up
     */
    public synchronized boolean tryAcquire(Instant tradingTime) {
        rollOver(tradingTime);
        if (calls >= dailyCallLimit || tokens >= dailyTokenLimit) {
            return false;
        }
        calls++;
        return true;
    }

    /** Adds what a finished call, asked at {@code tradingTime}, cost to that day's tokens. */
    public synchronized void record(Instant tradingTime, long usedTokens) {
        rollOver(tradingTime);
        tokens += Math.max(0, usedTokens);
    }

    /** The counts of the newest day seen. */
    public synchronized Usage usage() {
        return new Usage(day, calls, tokens);
    }

    private void rollOver(Instant tradingTime) {
        LocalDate then = LocalDate.ofInstant(Objects.requireNonNull(tradingTime, "tradingTime"), ZoneOffset.UTC);
        if (day == null || then.isAfter(day)) {
            day = then;
            calls = 0;
            tokens = 0;
        }
    }
}
