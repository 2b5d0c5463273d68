package io.cointrader.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.replay.CandleSeries;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.replay.ReplayExchange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulator's market follows the replay's rule at every candle boundary of the bundled history. */
class PricePathTest {

    private static final History BUNDLED = History.bundled();
    private final PricePath path = new PricePath(BUNDLED);

    @Test
    void atEveryCandleBoundaryThePriceIsTheReplayTickerPrice() {
        for (Symbol symbol : BUNDLED.symbols()) {
            CandleSeries series = BUNDLED.series(symbol).orElseThrow();
            for (int i = 0; i < series.size(); i++) {
                Instant open = series.get(i).openTime();
                Instant close = open.plus(CandleSeries.INTERVAL);
                for (Instant time : List.of(open, open.plusNanos(1), close.minusNanos(1), close, close.plusNanos(1))) {
                    assertThat(path.priceAt(symbol, time).map(BigDecimal::toPlainString))
                            .as("%s at %s", symbol, time)
                            .isEqualTo(replayPrice(symbol, time).map(BigDecimal::toPlainString));
                }
            }
        }
    }

    @Test
    void atACandlesOpenTheMarketTradesAtTheCloseAndVolumeOfTheCandleThatJustEnded() {
        for (Symbol symbol : BUNDLED.symbols()) {
            CandleSeries series = BUNDLED.series(symbol).orElseThrow();
            assertThat(path.tradingAt(symbol, series.first().openTime())).isEmpty();
            for (int i = 1; i < series.size(); i++) {
                Candle ended = series.get(i - 1);
                Candle opening = series.get(i);
                Instant open = opening.openTime();
                Instant endedClose = ended.openTime().plus(CandleSeries.INTERVAL);

                PricePath.Trading atClose = path.tradingAt(symbol, endedClose).orElseThrow();
                assertThat(atClose.price()).isEqualByComparingTo(ended.close());
                assertThat(atClose.candleVolume()).isEqualByComparingTo(ended.volume());
                assertThat(path.tradingAt(symbol, open.plusNanos(1))
                                .orElseThrow()
                                .candleVolume())
                        .isEqualByComparingTo(opening.volume());
                if (open.isAfter(endedClose)) {
                    assertThat(path.tradingAt(symbol, endedClose.plusNanos(1)))
                            .as("inside the gap after %s", ended.openTime())
                            .isEmpty();
                    assertThat(path.tradingAt(symbol, open)).isEmpty();
                }
            }
            PricePath.Trading atEnd = path.tradingAt(symbol, series.end()).orElseThrow();
            assertThat(atEnd.price()).isEqualByComparingTo(series.last().close());
            assertThat(path.tradingAt(symbol, series.end().plusNanos(1))).isEmpty();
        }
    }

    private static Optional<BigDecimal> replayPrice(Symbol symbol, Instant time) {
        try {
            return Optional.of(new ReplayExchange(BUNDLED, new ReplayClock(time))
                    .ticker(symbol)
                    .price());
        } catch (ExchangeUnavailableException e) {
            return Optional.empty();
        }
    }
}
