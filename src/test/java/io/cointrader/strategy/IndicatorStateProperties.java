package io.cointrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.strategy.indicator.Ema;
import io.cointrader.strategy.indicator.RollingMean;
import io.cointrader.strategy.indicator.WilderAtr;
import io.cointrader.strategy.indicator.WilderRsi;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Folding a candle right after peeking it keeps the peeked values; that shortcut must leave exactly
 * the state a plain fold leaves, bit for bit, whatever was peeked in between.
 */
class IndicatorStateProperties {

    record Bar(double high, double low, double close, double volume, boolean peekFirst, boolean peekOther) {}

    @Property(tries = 500)
    void foldingAPeekedCandleEqualsFoldingItPlainly(@ForAll("bars") List<Bar> bars) {
        IndicatorState shortcut = new IndicatorState(ConservativeParameters.defaults());
        IndicatorState plain = new IndicatorState(ConservativeParameters.defaults());
        long time = 0;
        for (Bar bar : bars) {
            if (bar.peekOther()) {
                shortcut.peek(bar.high() * 1.01, bar.low(), bar.close() * 1.001, bar.volume() + 1);
            }
            if (bar.peekFirst()) {
                shortcut.peek(bar.high(), bar.low(), bar.close(), bar.volume());
            }
            shortcut.fold(time, 0, bar.high(), bar.low(), bar.close(), bar.volume());
            plain.fold(time, 0, bar.high(), bar.low(), bar.close(), bar.volume());
            time += 60;

            shortcut.peek(bar.high(), bar.low(), bar.close(), bar.volume());
            plain.peek(bar.high(), bar.low(), bar.close(), bar.volume());
            assertThat(shortcut.peeked()).isEqualTo(plain.peeked());
        }
    }

    /**
     * The state keeps its indicators in its own fields; its values are those of the indicator classes
     * (each held to ta4j by its own tests), bit for bit, candle after candle.
     */
    @Property(tries = 500)
    void peekedValuesAreThoseOfTheIndicatorClasses(@ForAll("bars") List<Bar> bars) {
        ConservativeParameters p = ConservativeParameters.defaults();
        IndicatorState state = new IndicatorState(p);
        Ema fast = new Ema(p.fastPeriod());
        Ema slow = new Ema(p.slowPeriod());
        WilderAtr atr = new WilderAtr(p.atrPeriod());
        WilderRsi rsi = new WilderRsi(p.rsiPeriod());
        RollingMean volume = new RollingMean(p.volumeWindow());
        long time = 0;
        for (Bar bar : bars) {
            state.peek(bar.high(), bar.low(), bar.close(), bar.volume());
            IndicatorValues expected = new IndicatorValues(
                    fast.peek(bar.close()),
                    slow.peek(bar.close()),
                    atr.peek(bar.high(), bar.low(), bar.close()),
                    rsi.peek(bar.close()),
                    bar.volume(),
                    volume.peek(bar.volume()));
            assertThat(state.peeked()).isEqualTo(expected);
            state.fold(time, 0, bar.high(), bar.low(), bar.close(), bar.volume());
            fast.add(bar.close());
            slow.add(bar.close());
            atr.add(bar.high(), bar.low(), bar.close());
            rsi.add(bar.close());
            volume.add(bar.volume());
            time += 60;
        }
        assertThat(state.warmUp())
                .isEqualTo(Math.max(
                        Math.max(fast.warmUp(), slow.warmUp()),
                        Math.max(Math.max(atr.warmUp(), rsi.warmUp()), volume.warmUp())));
    }

    @Provide
    Arbitrary<List<Bar>> bars() {
        Arbitrary<Double> low = Arbitraries.doubles().between(1, 1_000_000);
        Arbitrary<Double> spread = Arbitraries.doubles().between(0, 0.05);
        Arbitrary<Double> position = Arbitraries.doubles().between(0, 1);
        Arbitrary<Double> volume = Arbitraries.doubles().between(0, 10_000);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(low, spread, position, volume, flag, flag)
                .as((l, sp, pos, v, first, other) -> {
                    double h = l * (1 + sp);
                    return new Bar(h, l, l + (h - l) * pos, v, first, other);
                })
                .list()
                .ofMinSize(1)
                .ofMaxSize(80);
    }
}
