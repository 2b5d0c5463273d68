package io.cointrader.app;

/** Waits between loop passes: real sleep in live and paper runs, a simulated-clock step in replay. */
interface Pacer {

    /**
     * Waits until the next pass is due.
     *
     * @return false when there will be no further pass (the replay history is used up)
     */
    boolean awaitNextPass() throws InterruptedException;
}
