package io.cointrader.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts requests per caller and group in whole wall-clock seconds, as Upbit's {@code sec} budget
 * does, and applies the optional 418 block per caller. A caller ({@link Incoming#caller}) names a
 * scope, the IP for market data and the access key for the exchange API, so a block earned in one
 * scope never answers 418 in the other. Thread-safe (one lock; the work under it is a few map
 * look-ups).
 */
final class RateLimiter {

    /** The verdict on one request; {@code remaining} is what {@code Remaining-Req: sec=} reports. */
    record Admission(int status, int remaining, Duration blockedFor) {
        boolean allowed() {
            return status == 0;
        }
    }

    private record WindowKey(String caller, SimRateGroup group) {}

    private static final class Window {
        long second = Long.MIN_VALUE;
        int used;
    }

    private final RateLimits limits;
    private final Clock wall;
    private final Map<WindowKey, Window> windows = new HashMap<>();
    private final Map<String, Deque<Instant>> violations = new HashMap<>();
    private final Map<String, Instant> blockedUntil = new HashMap<>();

    RateLimiter(RateLimits limits, Clock wall) {
        this.limits = limits;
        this.wall = wall;
    }

    /** Counts one request of {@code caller} in {@code group}: allowed, 429 or 418. */
    synchronized Admission admit(String caller, SimRateGroup group) {
        Instant now = wall.instant();
        Instant until = blockedUntil.get(caller);
        if (until != null && now.isBefore(until)) {
            return new Admission(418, 0, Duration.between(now, until));
        }
        Window window = windows.computeIfAbsent(new WindowKey(caller, group), k -> new Window());
        long second = now.getEpochSecond();
        if (window.second != second) {
            window.second = second;
            window.used = 0;
        }
        int budget = limits.budget(group);
        if (window.used >= budget) {
            return new Admission(noteViolation(caller, now), 0, Duration.ZERO);
        }
        window.used++;
        return new Admission(0, budget - window.used, Duration.ZERO);
    }

    /** 429, or 418 when this violation completes the block rule (the block starts now). */
    private int noteViolation(String caller, Instant now) {
        RateLimits.Block block = limits.block();
        if (block == null) {
            return 429;
        }
        Deque<Instant> recent = violations.computeIfAbsent(caller, c -> new ArrayDeque<>());
        recent.addLast(now);
        Instant horizon = now.minus(block.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
        if (recent.size() >= block.violations()) {
            recent.clear();
            blockedUntil.put(caller, now.plus(block.duration()));
        }
        return 429;
    }
}
