package io.cointrader.exchange.upbit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Client-side request budget per {@link RateGroup}, plus the global stop after an HTTP 418 block.
 *
 * <p>Each group counts requests in clock-aligned windows (one second for the quotation groups) and
 * waits for the next window when its budget is used. The server's {@code Remaining-Req} header
 * corrects the count, and {@code sec=0} pauses the group until the next second. Thread-safe; waits
 * happen outside the lock.
 */
final class UpbitThrottle {

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<RateGroup, Budget> budgets = new EnumMap<>(RateGroup.class);
    private Instant bannedUntil = Instant.MIN;

    UpbitThrottle(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Takes one request from the group's budget, waiting through the sleeper when it is used up.
     *
     * @throws UpbitBanException at once while a 418 block lasts
     */
    void acquire(RateGroup group, String label) throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                failIfBanned(now, label);
                wait = budget(group).take(group, now);
            }
            if (wait.isZero()) {
                return;
            }
            sleeper.sleep(wait);
        }
    }

    /** Applies the server's view of the remaining budget after a response. */
    synchronized void record(RateGroup requested, RemainingReq remaining) {
        if (remaining.secondsLeft().isEmpty()) {
            return;
        }
        RateGroup group = Optional.ofNullable(remaining.group())
                .flatMap(RateGroup::fromHeaderName)
                .orElse(requested);
        int left = remaining.secondsLeft().getAsInt();
        Instant now = clock.instant();
        Budget budget = budget(group);
        budget.roll(group, now);
        budget.used = Math.max(budget.used, group.permits() - left);
        if (left == 0) {
            budget.pauseUntil(nextSecond(now));
        }
    }

    /** Keeps the group quiet until {@code until} (after a 429). */
    synchronized void pause(RateGroup group, Instant until) {
        budget(group).pauseUntil(until);
    }

    /** Stops every call until {@code until}; a later end time of an earlier ban is kept. */
    synchronized void ban(Instant until) {
        if (until.isAfter(bannedUntil)) {
            bannedUntil = until;
        }
    }

    synchronized Optional<Instant> bannedUntil() {
        return clock.instant().isBefore(bannedUntil) ? Optional.of(bannedUntil) : Optional.empty();
    }

    Instant nextSecond(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    private void failIfBanned(Instant now, String label) {
        if (now.isBefore(bannedUntil)) {
            throw new UpbitBanException(
                    label + " not sent: Upbit blocked this client (HTTP 418) until " + bannedUntil, bannedUntil);
        }
    }

    private Budget budget(RateGroup group) {
        return budgets.computeIfAbsent(group, g -> new Budget());
    }

    /** Mutable per-group state; only touched under the throttle's lock. */
    private static final class Budget {
        private Instant windowStart = Instant.MIN;
        private int used;
        private Instant pausedUntil = Instant.MIN;

        Duration take(RateGroup group, Instant now) {
            if (now.isBefore(pausedUntil)) {
                return Duration.between(now, pausedUntil);
            }
            roll(group, now);
            if (used >= group.permits()) {
                return Duration.between(now, windowStart.plus(group.window()));
            }
            used++;
            return Duration.ZERO;
        }

        void roll(RateGroup group, Instant now) {
            long windowMillis = group.window().toMillis();
            Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
            if (!start.equals(windowStart)) {
                windowStart = start;
                used = 0;
            }
        }

        void pauseUntil(Instant until) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
    }
}
