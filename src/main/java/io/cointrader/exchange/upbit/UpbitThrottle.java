package io.cointrader.exchange.upbit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Client-side request budget per {@link RateGroup}, plus the stop after an HTTP 418 block, kept per
 * {@link RateGroup.Scope} as Upbit keeps it: a block of the exchange API leaves market data calls
 * alone, and the other way round.
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
    private final Map<RateGroup.Scope, Instant> bannedUntil = new EnumMap<>(RateGroup.Scope.class);

    UpbitThrottle(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Takes one request from the group's budget, waiting through the sleeper when it is used up.
     *
     * @throws UpbitBanException at once while a 418 block of the group's scope lasts
     */
    void acquire(RateGroup group, String label) throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                failIfBanned(group.scope(), now, label);
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

    /** Stops every call of {@code scope} until {@code until}; a later end time of an earlier ban is kept. */
    synchronized void ban(RateGroup.Scope scope, Instant until) {
        if (until.isAfter(banEnd(scope))) {
            bannedUntil.put(scope, until);
        }
    }

    /** End of the 418 block of {@code scope}, if one is in force. */
    synchronized Optional<Instant> bannedUntil(RateGroup.Scope scope) {
        Instant end = banEnd(scope);
        return clock.instant().isBefore(end) ? Optional.of(end) : Optional.empty();
    }

    /** The latest end of the 418 blocks in force, whatever their scope. */
    synchronized Optional<Instant> bannedUntil() {
        Optional<Instant> latest = Optional.empty();
        for (RateGroup.Scope scope : RateGroup.Scope.values()) {
            Optional<Instant> end = bannedUntil(scope);
            if (end.isPresent() && (latest.isEmpty() || end.get().isAfter(latest.get()))) {
                latest = end;
            }
        }
        return latest;
    }

    Instant nextSecond(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    private void failIfBanned(RateGroup.Scope scope, Instant now, String label) {
        Instant end = banEnd(scope);
        if (now.isBefore(end)) {
            throw new UpbitBanException(
                    label + " not sent: Upbit blocked this client's " + describe(scope) + " calls (HTTP 418) until "
                            + end,
                    end);
        }
    }

    private Instant banEnd(RateGroup.Scope scope) {
        return bannedUntil.getOrDefault(scope, Instant.MIN);
    }

    static String describe(RateGroup.Scope scope) {
        return scope == RateGroup.Scope.QUOTATION ? "market data" : "exchange (private) API";
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
