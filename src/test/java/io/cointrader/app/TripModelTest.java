package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TripModelTest {

    @Test
    void tripsAtTheThresholdOfConsecutiveFailedTicks() {
        TripModel model = new TripModel(3);

        assertThat(model.tick(TripModel.Fate.TICKER_FAILED)).isFalse();
        assertThat(model.tick(TripModel.Fate.TICKER_FAILED)).isFalse();
        assertThat(model.tick(TripModel.Fate.TICKER_FAILED)).isTrue();
        assertThat(model.active()).isTrue();
    }

    @Test
    void aGoodTickerEndsTheStreakAndFailedCandlesStartANewOne() {
        TripModel model = new TripModel(3);
        model.tick(TripModel.Fate.TICKER_FAILED);
        model.tick(TripModel.Fate.TICKER_FAILED);

        assertThat(model.tick(TripModel.Fate.CANDLES_FAILED)).isFalse();
        assertThat(model.streak()).isEqualTo(1);
        model.tick(TripModel.Fate.GOOD);
        assertThat(model.streak()).isZero();
    }

    @Test
    void aReleaseKeepsTheStreakSoTheNextFailureTripsAgain() {
        TripModel model = new TripModel(2);
        model.tick(TripModel.Fate.TICKER_FAILED);
        model.tick(TripModel.Fate.TICKER_FAILED);

        model.release();

        assertThat(model.active()).isFalse();
        assertThat(model.tick(TripModel.Fate.TICKER_FAILED)).isTrue();
    }
}
