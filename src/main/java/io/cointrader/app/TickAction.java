package io.cointrader.app;

/** What one tick ended with. */
enum TickAction {
    KILL_SWITCH,
    API_FAILURE,
    NO_PRICE,
    CIRCUIT_BREAKER,
    HOLD,
    NO_ORDER,
    ORDER,
    BLOCKED,
    ERROR
}
