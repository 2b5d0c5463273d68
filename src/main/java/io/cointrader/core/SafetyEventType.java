package io.cointrader.core;

/** Kinds of safety event. */
public enum SafetyEventType {
    API_FAILURE_THRESHOLD,
    /** The exchange blocked this client for a while (Upbit HTTP 418); every call waits for the end. */
    EXCHANGE_BAN,
    KILL_SWITCH_ACTIVATED,
    KILL_SWITCH_RELEASED,
    PRICE_ANOMALY,
    SPREAD_ANOMALY,
    CIRCUIT_BREAKER,
    BALANCE_MISMATCH,
    ORDER_OUTCOME_UNKNOWN,
    RECONCILED,
    EMERGENCY_CLOSE,
    /** The exchange API key in use expires within 30 days, or has expired (Upbit keys live one year). */
    API_KEY_EXPIRY,
    /** The exchange refused our credentials: an expired or wrong key, an IP outside its allow-list, a missing permission. */
    AUTH_FAILED
}
