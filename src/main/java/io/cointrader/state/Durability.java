package io.cointrader.state;

/**
 * How far a committed write is guaranteed to survive. Both survive a crash of the process (kill -9
 * included); only {@link #POWER_LOSS_SAFE} also survives a crash of the machine, at the price of one
 * disk flush per commit.
 */
public enum Durability {
    /** SQLite {@code synchronous=FULL}: for live trading, where orders are real money. */
    POWER_LOSS_SAFE,
    /** SQLite {@code synchronous=NORMAL} in WAL mode: for paper trading and replay. */
    CRASH_SAFE
}
