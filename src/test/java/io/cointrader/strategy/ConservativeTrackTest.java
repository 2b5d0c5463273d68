package io.cointrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import io.cointrader.core.Signal;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.History;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stepping a track candle by candle decides exactly as {@link ConservativeStrategy#evaluate} on lists. */
class ConservativeTrackTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");

    @Test
    void steppingATrackGivesTheSignalsOfEvaluatingTheLoopsCandleWindows() {
        List<Candle> candles = History.bundled().series(BTC).orElseThrow().candles();
        ConservativeStrategy byList = new ConservativeStrategy();
        ConservativeStrategy byTrack = new ConservativeStrategy();
        ConservativeTrack track = byTrack.track(BTC);
        Set<SignalType> seen = EnumSet.noneOf(SignalType.class);
        for (int i = 0; i < candles.size(); i++) {
            List<Candle> window = candles.subList(Math.max(0, i - 199), i + 1);
            Signal expected = byList.evaluate(BTC, window, null);
            if (i > 0) {
                Candle closed = candles.get(i - 1);
                track.fold(
                        closed.openTime().getEpochSecond(),
                        closed.high().doubleValue(),
                        closed.low().doubleValue(),
                        closed.close().doubleValue(),
                        closed.volume().doubleValue());
            }
            Candle newest = candles.get(i);
            SignalType type = track.evaluate(
                    newest.high().doubleValue(),
                    newest.low().doubleValue(),
                    newest.close().doubleValue(),
                    newest.volume().doubleValue(),
                    newest.close().doubleValue());

            assertThat(type).isEqualTo(expected.type());
            assertThat(track.signal(newest.openTime())).isEqualTo(expected);
            seen.add(type);
        }
        assertThat(seen).containsExactlyInAnyOrder(SignalType.values());
    }

    @Test
    void evaluateListsContinueATrackThatWasSteppedDirectly() {
        List<Candle> candles = History.bundled().series(BTC).orElseThrow().candles();
        ConservativeStrategy strategy = new ConservativeStrategy();
        strategy.evaluate(BTC, candles.subList(0, 100), null);
        ConservativeTrack track = strategy.track(BTC);
        for (int i = 99; i < 150; i++) {
            Candle c = candles.get(i);
            track.fold(
                    c.openTime().getEpochSecond(),
                    c.high().doubleValue(),
                    c.low().doubleValue(),
                    c.close().doubleValue(),
                    c.volume().doubleValue());
        }

        Signal continued = strategy.evaluate(BTC, candles.subList(0, 151), null);

        assertThat(continued).isEqualTo(new ConservativeStrategy().evaluate(BTC, candles.subList(0, 151), null));
        assertThat(track.foldedCandles()).isEqualTo(150);
    }

    @Test
    void holdsWithoutEnoughCandlesAndTellsWhyAndNeedsAnEvaluationForASignal() {
        ConservativeTrack track = new ConservativeStrategy().track(BTC);

        assertThatThrownBy(() -> track.signal(null)).isInstanceOf(IllegalStateException.class);
        assertThat(track.evaluate(2, 1, 1.5, 10, 1.5)).isEqualTo(SignalType.HOLD);
        assertThat(track.signal(null).reason()).isEqualTo("insufficient data (1 of 36 candles)");
        assertThat(track.fastEma()).isNaN();
    }
}
