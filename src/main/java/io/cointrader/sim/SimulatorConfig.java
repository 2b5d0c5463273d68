package io.cointrader.sim;

import io.cointrader.exchange.replay.History;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an {@link UpbitSimulator} needs. Build it with {@link #builder}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param history the replayed candles: the markets listed and their price path
 * @param marketClock which moment of the history is "now"
 * @param wallClock real time, for rate-limit seconds and 418 blocks (a test passes a mutable clock)
 * @param accounts access key -> account
 * @param feeRate fee on every fill, bid and ask alike (Upbit: 0.0005 = 0.05 %)
 * @param rateLimits per-group budgets and the optional 418 block
 * @param matchStep spacing of the matching steps in market time; steps sit on multiples of it since
 *     the epoch, so fills do not depend on how often clients call
 * @param fillFraction share of the current hourly candle's volume that one matching step can fill per
 *     market and side (0.01: a step fills at most 1 % of the candle's volume)
 * @param keyLifetime how long after the simulator is built every access key expires (Upbit: one
 *     year after issue); zero or negative gives keys that have already expired
 */
public record SimulatorConfig(
        int port,
        History history,
        SimClock marketClock,
        Clock wallClock,
        Map<String, SimAccount> accounts,
        BigDecimal feeRate,
        RateLimits rateLimits,
        Duration matchStep,
        BigDecimal fillFraction,
        Duration keyLifetime) {

    public static final BigDecimal DEFAULT_FEE_RATE = new BigDecimal("0.0005");
    public static final Duration DEFAULT_MATCH_STEP = Duration.ofMinutes(1);
    public static final BigDecimal DEFAULT_FILL_FRACTION = new BigDecimal("0.01");
    public static final Duration DEFAULT_KEY_LIFETIME = Duration.ofDays(365);

    public SimulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(marketClock, "marketClock");
        Objects.requireNonNull(wallClock, "wallClock");
        accounts = Map.copyOf(accounts);
        accounts.keySet().forEach(SimulatorConfig::requireAccessKey);
        if (feeRate == null || feeRate.signum() < 0 || feeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("fee rate must be in [0, 1), got " + feeRate);
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (matchStep == null || matchStep.isNegative() || matchStep.isZero() || matchStep.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException(
                    "match step must be a positive whole number of milliseconds, got " + matchStep);
        }
        if (fillFraction == null || fillFraction.signum() <= 0 || fillFraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("fill fraction must be in (0, 1], got " + fillFraction);
        }
        Objects.requireNonNull(keyLifetime, "keyLifetime");
    }

    /** A builder with port 0, the system wall clock, no accounts, Upbit's fee and rate limits, keys valid for a year. */
    public static Builder builder(History history, SimClock marketClock) {
        return new Builder(history, marketClock);
    }

    private static void requireAccessKey(String accessKey) {
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("access key must not be blank");
        }
    }

    /** Collects the settings; {@link #build} validates them. */
    public static final class Builder {
        private final History history;
        private final SimClock marketClock;
        private final Map<String, SimAccount> accounts = new LinkedHashMap<>();
        private int port;
        private Clock wallClock = Clock.systemUTC();
        private BigDecimal feeRate = DEFAULT_FEE_RATE;
        private RateLimits rateLimits = RateLimits.upbit();
        private Duration matchStep = DEFAULT_MATCH_STEP;
        private BigDecimal fillFraction = DEFAULT_FILL_FRACTION;
        private Duration keyLifetime = DEFAULT_KEY_LIFETIME;

        private Builder(History history, SimClock marketClock) {
            this.history = history;
            this.marketClock = marketClock;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder wallClock(Clock wallClock) {
            this.wallClock = wallClock;
            return this;
        }

        public Builder account(String accessKey, SimAccount account) {
            accounts.put(accessKey, account);
            return this;
        }

        public Builder feeRate(BigDecimal feeRate) {
            this.feeRate = feeRate;
            return this;
        }

        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = rateLimits;
            return this;
        }

        public Builder matchStep(Duration matchStep) {
            this.matchStep = matchStep;
            return this;
        }

        public Builder fillFraction(BigDecimal fillFraction) {
            this.fillFraction = fillFraction;
            return this;
        }

        public Builder keyLifetime(Duration keyLifetime) {
            this.keyLifetime = keyLifetime;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(
                    port,
                    history,
                    marketClock,
                    wallClock,
                    accounts,
                    feeRate,
                    rateLimits,
                    matchStep,
                    fillFraction,
                    keyLifetime);
        }
    }
}
