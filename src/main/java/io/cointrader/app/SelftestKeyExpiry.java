package io.cointrader.app;

import io.cointrader.app.SelfTest.Check;
import io.cointrader.app.SelfTest.Status;
import io.cointrader.exchange.ApiKeyInfo;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.PrivateExchange;
import io.cointrader.exchange.upbit.UpbitCredentials;
import io.cointrader.exchange.upbit.UpbitHttp;
import io.cointrader.exchange.upbit.UpbitOptions;
import io.cointrader.exchange.upbit.UpbitPrivateClient;
import io.cointrader.logging.Redactor;
import io.cointrader.security.UpbitKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The self-test's line on the expiry of the exchange API key (live mode): PASS with the date and the
 * days left, WARN within {@link ApiKeyExpiryCheck#HIGH_WITHIN}, FAIL within {@link
 * ApiKeyExpiryCheck#CRITICAL_WITHIN} or once expired. An expiry that cannot be learned is a warning:
 * trading does not depend on it.
 */
final class SelftestKeyExpiry {

    static final String NAME = "key expiry";

    private SelftestKeyExpiry() {}

    /** Asks the exchange at {@code options} with {@code keys}; the keys are registered for redaction first. */
    static Check check(UpbitKeys keys, UpbitOptions options, Clock clock, Redactor redactor) {
        redactor.register(keys.accessKey());
        redactor.register(keys.secretKey());
        PrivateExchange api = new UpbitPrivateClient(
                new UpbitHttp(options, clock), new UpbitCredentials(keys.accessKey(), keys.secretKey()));
        List<ApiKeyInfo> listed;
        try {
            listed = api.apiKeys();
        } catch (ExchangeException e) {
            return unknown(redactor.redact(String.valueOf(e.getMessage())));
        }
        return line(ApiKeyExpiryCheck.expiryOf(listed, Optional.of(keys.accessKey())), clock.instant());
    }

    /** The line for a looked-up expiry; empty when the exchange listed no key. */
    static Check line(Optional<Instant> expiry, Instant now) {
        if (expiry.isEmpty()) {
            return unknown("the exchange listed no API key");
        }
        String detail = ApiKeyExpiryCheck.describe(expiry.get(), now);
        return switch (ApiKeyExpiryCheck.urgency(expiry.get(), now)) {
            case NONE -> Check.pass(NAME, detail);
            case HIGH -> new Check(NAME, Status.WARN, detail, ApiKeyExpiryCheck.HINT);
            case CRITICAL -> new Check(NAME, Status.FAIL, detail, ApiKeyExpiryCheck.HINT);
        };
    }

    private static Check unknown(String reason) {
        return new Check(
                NAME,
                Status.WARN,
                "unknown: " + reason,
                "check the key's expiry on upbit.com (Open API management); trading does not depend on this check");
    }
}
