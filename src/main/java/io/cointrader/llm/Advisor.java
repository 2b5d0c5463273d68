package io.cointrader.llm;

import java.util.Map;
import java.util.Optional;

/**
 * Gives optional advice on one symbol. Implementations bound every call with a timeout and return
 * empty on any failure or malformed reply.
 */
public interface Advisor {

    /** @param context market summary, signals, indicators, positions (names to JSON-able values) */
    Optional<Advice> advise(String symbol, Map<String, Object> context);

    /** Parsed advice: {@code action} is HOLD, BUY_CONSIDER or SELL_CONSIDER. */
    record Advice(String action, double confidence, String reasoning, String riskNotes) {}
}
