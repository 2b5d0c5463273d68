package io.cointrader.app;

import java.util.Optional;

/**
 * Stops new entries (BUYs) while something about the account is unexplained, e.g. a balance mismatch
 * between the exchange and the database. SELLs that reduce positions still go through.
 */
final class EntryBlock {

    private volatile String reason;

    void block(String why) {
        reason = why;
    }

    void clear() {
        reason = null;
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
