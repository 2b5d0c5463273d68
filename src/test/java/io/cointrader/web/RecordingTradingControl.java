package io.cointrader.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A trading control that records what it was asked and answers with {@code answer} (else the current
 * {@code state}), or throws the scripted refusal or failure.
 */
final class RecordingTradingControl implements TradingControl {

    final List<StartRequest> starts = new CopyOnWriteArrayList<>();
    final List<Duration> stops = new CopyOnWriteArrayList<>();
    volatile TradingState state = TradingState.idle();
    volatile TradingState answer;
    volatile ControlRefusedException refusal;
    volatile RuntimeException failure;

    @Override
    public TradingState state() {
        return state;
    }

    @Override
    public TradingState start(StartRequest request) {
        starts.add(request);
        return respond();
    }

    @Override
    public TradingState stop(Duration wait) {
        stops.add(wait);
        return respond();
    }

    private TradingState respond() {
        if (refusal != null) {
            throw refusal;
        }
        if (failure != null) {
            throw failure;
        }
        return answer != null ? answer : state;
    }
}
