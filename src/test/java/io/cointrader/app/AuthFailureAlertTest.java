package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AuthFailedException;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.MarketUnavailableException;
import io.cointrader.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthFailureAlertTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final AuthFailedException REFUSED =
            new AuthFailedException("Upbit GET /v1/accounts: HTTP 401 no_authorization_ip: not allowed");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final List<SafetyEvent> events = new ArrayList<>();
    private final AuthFailureAlert alert = new AuthFailureAlert(events::add, clock);

    @Test
    void otherFailuresKeepThePlainLineAndRecordNothing() {
        String line = alert.describe(BTC, "ticker", new ExchangeUnavailableException("timed out"));
        String offline = alert.describe(BTC, "ticker", new MarketUnavailableException("HTTP 403 market_offline"));

        assertThat(line).isEqualTo("ticker failed: timed out");
        assertThat(offline).isEqualTo("ticker failed: HTTP 403 market_offline");
        assertThat(events).isEmpty();
    }

    @Test
    void anAuthenticationFailureIsOneCriticalEventUntilASuccessInBetween() {
        String line = alert.describe(BTC, "account data", REFUSED);
        alert.describe(BTC, "account data", REFUSED);
        alert.describe(BTC, "ticker", REFUSED);
        alert.recordSuccess();
        alert.describe(BTC, "account data", REFUSED);

        assertThat(line)
                .startsWith("account data failed: the exchange refused our credentials (Upbit GET /v1/accounts:")
                .endsWith(AuthFailureAlert.HINT);
        assertThat(events).hasSize(2);
        SafetyEvent first = events.get(0);
        assertThat(first.type()).isEqualTo(SafetyEventType.AUTH_FAILED);
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.symbol()).isNull();
        assertThat(first.message()).isEqualTo(line);
        assertThat(first.details()).containsEntry("call", "account data").containsEntry("symbol", "BTC/KRW");
        assertThat(first.time()).isEqualTo(clock.instant());
    }
}
