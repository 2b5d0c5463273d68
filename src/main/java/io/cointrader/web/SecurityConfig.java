package io.cointrader.web;

import io.cointrader.core.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the dashboard guards itself: the master code (empty: no login), whether only loopback {@code Host}
 * names are served, the session lifetimes, the lock-out thresholds and the session-store bound.
 *
 * <p>Without a master code only loopback hosts may be served; the constructor refuses anything else.
 */
public record SecurityConfig(
        Optional<Secret> masterCode,
        boolean loopbackHostsOnly,
        Duration sessionIdle,
        Duration sessionMax,
        int maxFailuresPerClient,
        int maxFailuresTotal,
        Duration lockout,
        int maxSessions) {

    public SecurityConfig {
        Objects.requireNonNull(masterCode, "masterCode");
        if (masterCode.isPresent() && masterCode.get().isBlank()) {
            throw new IllegalArgumentException("the master code must not be blank");
        }
        if (masterCode.isEmpty() && !loopbackHostsOnly) {
            throw new IllegalArgumentException("without a master code the dashboard serves loopback hosts only");
        }
        requirePositive(sessionIdle, "sessionIdle");
        requirePositive(sessionMax, "sessionMax");
        requirePositive(lockout, "lockout");
        if (maxFailuresPerClient < 1 || maxFailuresTotal < 1 || maxSessions < 1) {
            throw new IllegalArgumentException("failure limits and the session bound must be at least 1");
        }
    }

    /**
     * 30 minutes idle, 12 hours at most, 15 minutes' lock-out after 5 wrong codes from one client or 20 from
     * all, at most 1000 sessions; loopback hosts only when there is no master code.
     */
    public static SecurityConfig defaults(Optional<Secret> masterCode) {
        return new SecurityConfig(
                masterCode,
                masterCode.isEmpty(),
                Duration.ofMinutes(30),
                Duration.ofHours(12),
                5,
                20,
                Duration.ofMinutes(15),
                1000);
    }

    public boolean authRequired() {
        return masterCode.isPresent();
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
