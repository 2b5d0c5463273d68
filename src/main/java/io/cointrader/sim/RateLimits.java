package io.cointrader.sim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-second request budgets per {@link SimRateGroup}, and the optional 418 block: after {@code
 * violations} answers of 429 within {@code window}, every request of that caller is answered 418 for
 * {@code duration}. A caller is a scope as Upbit counts it: the client IP for quotation calls, the
 * access key for exchange calls, so a block of one leaves the other alone. Windows are whole seconds of the simulator's wall clock.
 *
 * @param block null when repeated 429s never lead to a block (Upbit's behaviour is not configurable,
 *     so the default is off)
 */
public record RateLimits(Map<SimRateGroup, Integer> perSecond, Block block) {

    /** The 418 rule: {@code violations} 429s within {@code window} block the caller for {@code duration}. */
    public record Block(int violations, Duration window, Duration duration) {
        public Block {
            if (violations < 1) {
                throw new IllegalArgumentException("violations before a block must be at least 1, got " + violations);
            }
            requirePositive(window, "block window");
            requirePositive(duration, "block duration");
        }
    }

    public RateLimits {
        EnumMap<SimRateGroup, Integer> all = new EnumMap<>(SimRateGroup.class);
        for (SimRateGroup group : SimRateGroup.values()) {
            Integer budget = Objects.requireNonNull(perSecond, "perSecond").get(group);
            if (budget == null || budget < 1) {
                throw new IllegalArgumentException(
                        "rate group " + group.headerName() + " needs a budget of at least 1 per second, got " + budget);
            }
            all.put(group, budget);
        }
        perSecond = Map.copyOf(all);
    }

    /** Upbit's documented budgets (quotation 10/s, default 30/s, order 12/s), no 418 block. */
    public static RateLimits upbit() {
        Map<SimRateGroup, Integer> budgets = new EnumMap<>(SimRateGroup.class);
        for (SimRateGroup group : SimRateGroup.values()) {
            budgets.put(group, group.upbitPerSecond());
        }
        return new RateLimits(budgets, null);
    }

    /** Budgets too large to reach, for runs that are not about rate limits. */
    public static RateLimits unlimited() {
        Map<SimRateGroup, Integer> budgets = new EnumMap<>(SimRateGroup.class);
        for (SimRateGroup group : SimRateGroup.values()) {
            budgets.put(group, Integer.MAX_VALUE);
        }
        return new RateLimits(budgets, null);
    }

    public RateLimits withBudget(SimRateGroup group, int requestsPerSecond) {
        Map<SimRateGroup, Integer> budgets = new EnumMap<>(perSecond);
        budgets.put(group, requestsPerSecond);
        return new RateLimits(budgets, block);
    }

    public RateLimits withBlock(int violations, Duration window, Duration duration) {
        return new RateLimits(perSecond, new Block(violations, window, duration));
    }

    public int budget(SimRateGroup group) {
        return perSecond.get(group);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be more than zero, got " + duration);
        }
    }
}
