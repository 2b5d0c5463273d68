package io.cointrader.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts wrong master codes per client and over all clients, and locks the login for {@code lockout} once
 * either count reaches its limit. A count forgets its failures after {@code lockout} without a new one and
 * starts again at zero when a lock-out begins. Thread-safe: the check, the comparison and the count happen
 * under one lock, so parallel guesses cannot slip past the limit.
 */
final class LoginThrottle {

    /** The outcome of one login attempt; {@code retryAfter} is zero unless {@code LOCKED}. */
    record Verdict(Outcome outcome, Duration retryAfter) {}

    enum Outcome {
        ACCEPTED,
        WRONG,
        LOCKED
    }

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Logger SAFETY = LoggerFactory.getLogger("cointrader.safety");
    private static final String EVERYONE = "all clients";

    private final Clock clock;
    private final int maxPerClient;
    private final int maxTotal;
    private final Duration lockout;
    private final Map<String, Streak> clients = new HashMap<>();
    private Streak total = Streak.NONE;

    LoginThrottle(Clock clock, int maxPerClient, int maxTotal, Duration lockout) {
        this.clock = clock;
        this.maxPerClient = maxPerClient;
        this.maxTotal = maxTotal;
        this.lockout = lockout;
    }

    /** How long this client must still wait (the longer of its own and the global lock-out); zero if free. */
    synchronized Duration lockedFor(String client) {
        Instant now = clock.instant();
        Instant until = later(clients.getOrDefault(client, Streak.NONE).lockedUntil(), total.lockedUntil());
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Runs {@code check} unless locked out, and counts a {@code false} as a failure of this client. */
    synchronized Verdict attempt(String client, BooleanSupplier check) {
        Duration wait = lockedFor(client);
        if (!wait.isZero()) {
            return new Verdict(Outcome.LOCKED, wait);
        }
        if (check.getAsBoolean()) {
            clients.remove(client);
            return new Verdict(Outcome.ACCEPTED, Duration.ZERO);
        }
        recordFailure(client);
        return new Verdict(Outcome.WRONG, Duration.ZERO);
    }

    private void recordFailure(String client) {
        Instant now = clock.instant();
        clients.values().removeIf(streak -> streak.forgotten(now, lockout));
        Streak mine = clients.getOrDefault(client, Streak.NONE).fail(now, lockout);
        total = total.fail(now, lockout);
        LOG.warn("dashboard login refused: wrong code from {} ({} of {})", client, mine.failures(), maxPerClient);
        if (mine.failures() >= maxPerClient) {
            mine = mine.lock(now.plus(lockout));
            logLockout(client, maxPerClient);
        }
        clients.put(client, mine);
        if (total.failures() >= maxTotal) {
            total = total.lock(now.plus(lockout));
            logLockout(EVERYONE, maxTotal);
        }
    }

    private void logLockout(String who, int failures) {
        SAFETY.atWarn()
                .addKeyValue("event", "dashboard_login_lockout")
                .addKeyValue("client", who)
                .addKeyValue("failures", failures)
                .addKeyValue("lockout_seconds", lockout.toSeconds())
                .log(
                        "dashboard login locked for {} minutes after {} wrong codes from {}",
                        lockout.toMinutes(),
                        failures,
                        who);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Failures since the streak began, the last one, and the end of a lock-out (EPOCH: none). */
    private record Streak(int failures, Instant lastFailure, Instant lockedUntil) {

        static final Streak NONE = new Streak(0, Instant.EPOCH, Instant.EPOCH);

        boolean forgotten(Instant now, Duration window) {
            return !lockedUntil.isAfter(now) && !now.isBefore(lastFailure.plus(window));
        }

        Streak fail(Instant now, Duration window) {
            int before = forgotten(now, window) ? 0 : failures;
            return new Streak(before + 1, now, lockedUntil);
        }

        Streak lock(Instant until) {
            return new Streak(0, lastFailure, until);
        }
    }
}
