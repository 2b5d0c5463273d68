package io.cointrader.app;

import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AuthFailedException;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.safety.SafetyEventSink;
import java.time.Clock;
import java.util.Map;

/**
 * Says what a failed exchange call of a tick means. An authentication failure (an expired or wrong
 * key, an IP outside the key's allow-list, a missing permission) gets a line that says so with what
 * to do, and a CRITICAL {@link SafetyEventType#AUTH_FAILED} event: once, and again only after a tick's
 * exchange calls have gone through in between, so that a dead key alerts people without flooding
 * them. Used from the trading loop's thread only.
 */
final class AuthFailureAlert {

    static final String HINT = "the API key may have expired or be wrong (rerun trader encrypt-keys with a valid"
            + " key), this machine's IP may be missing from the key's allow-list, or the key may lack a permission"
            + " (see Open API management on upbit.com)";

    private final SafetyEventSink safety;
    private final Clock clock;
    private boolean alerted;

    AuthFailureAlert(SafetyEventSink safety, Clock clock) {
        this.safety = safety;
        this.clock = clock;
    }

    /**
     * The tick report's text for the failed {@code call}; for an authentication failure it also records
     * the safety event, unless it is already recorded for this run of failures.
     */
    String describe(Symbol symbol, String call, ExchangeException e) {
        if (!(e instanceof AuthFailedException)) {
            return call + " failed: " + e.getMessage();
        }
        String text = call + " failed: the exchange refused our credentials (" + e.getMessage() + "); " + HINT;
        if (!alerted) {
            alerted = true;
            safety.record(new SafetyEvent(
                    SafetyEventType.AUTH_FAILED,
                    Severity.CRITICAL,
                    null,
                    text,
                    Map.of("call", call, "symbol", String.valueOf(symbol)),
                    clock.instant()));
        }
        return text;
    }

    /** A tick's exchange calls went through: the next authentication failure is news again. */
    void recordSuccess() {
        alerted = false;
    }
}
