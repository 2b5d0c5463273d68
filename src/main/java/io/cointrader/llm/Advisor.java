package io.cointrader.llm;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives optional advice on one symbol. Implementations bound every call with a timeout and return
 * empty on any failure or malformed reply. A call may block for as long as that timeout: the trading
 * loop never calls an advisor itself but hands its questions to a {@link BackgroundAdvisor}.
 */
public interface Advisor extends AutoCloseable {

    Optional<Advice> advise(Question question);

    /** Releases what the advisor holds and logs what it has counted but not yet reported. */
    @Override
    default void close() {}

    /**
     * One question of the trading loop.
     *
     * @param candleTime opening time of the newest candle the signal was computed from: the candle the
     *     advice is about
     * @param askedAt the trading clock when the question was asked (on replay, the simulated time); the
     *     daily budget counts this time's UTC day
     * @param context market summary, signals, indicators, positions (names to JSON-able values; a value
     *     may be null)
     */
    record Question(String symbol, Instant candleTime, Instant askedAt, Map<String, Object> context) {

        public Question {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(candleTime, "candleTime");
            Objects.requireNonNull(askedAt, "askedAt");
            context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }
    }

    /** Parsed advice: {@code action} is HOLD, BUY_CONSIDER or SELL_CONSIDER. */
    record Advice(String action, double confidence, String reasoning, String riskNotes) {}
}
