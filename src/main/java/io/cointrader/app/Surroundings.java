package io.cointrader.app;

import io.cointrader.exchange.upbit.Sleeper;
import io.cointrader.exchange.upbit.UpbitOptions;
import io.cointrader.strategy.ConservativeParameters;
import io.cointrader.strategy.ConservativeStrategy;
import io.cointrader.strategy.Strategy;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * What {@link SystemBuilder} takes from outside the settings when it trades on Upbit: the time, how the
 * exchange client waits and jitters its back-off, its connection options, and the strategy. A run uses
 * {@link #real()}; a stepped rehearsal against the simulator substitutes a settable clock, a sleeper that
 * moves it, short timeouts and a strategy that trades often, and keeps everything else as built.
 *
 * @param upbitOptions applied to the production options built from the settings
 */
record Surroundings(
        Clock clock,
        Sleeper sleeper,
        RandomGenerator jitter,
        UnaryOperator<UpbitOptions> upbitOptions,
        Supplier<Strategy> strategy) {

    /** Real time, real sleep, the exchange client's default options and the conservative strategy. */
    static Surroundings real() {
        return new Surroundings(
                Clock.systemUTC(),
                Sleeper.THREAD,
                new SplittableRandom(),
                UnaryOperator.identity(),
                () -> new ConservativeStrategy(ConservativeParameters.defaults()));
    }
}
