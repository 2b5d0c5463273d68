package io.cointrader.app;

/**
 * The kill switch as SPEC section 4 step 2 and section 7 describe it, to predict from the fault schedule
 * when it must trip: a tick whose ticker read fails adds one to the streak of consecutive API failures; a
 * good ticker ends the streak, and a candles read failing after it starts a new one; at the threshold
 * the kill switch trips. Only a release ends it, and a release does not end the streak: a failure right
 * after it trips the switch again. While it is active a tick calls nothing.
 */
final class TripModel {

    /** What the exchange did to one tick's reads. */
    enum Fate {
        GOOD,
        TICKER_FAILED,
        CANDLES_FAILED
    }

    private final int threshold;
    private int streak;
    private boolean active;

    TripModel(int threshold) {
        this.threshold = threshold;
    }

    boolean active() {
        return active;
    }

    int streak() {
        return streak;
    }

    /**
     * One tick while the kill switch is off.
     *
     * @return whether this tick must trip it
     */
    boolean tick(Fate fate) {
        if (active) {
            throw new IllegalStateException("a tick with the kill switch active calls nothing");
        }
        streak = switch (fate) {
            case GOOD -> 0;
            case TICKER_FAILED -> streak + 1;
            case CANDLES_FAILED -> 1;
        };
        active = fate != Fate.GOOD && streak >= threshold;
        return active;
    }

    void release() {
        active = false;
    }

    /** Takes over the observed state after a wrong prediction, so that one miss is counted once. */
    void resync(boolean observedActive, int observedStreak) {
        active = observedActive;
        streak = observedStreak;
    }
}
