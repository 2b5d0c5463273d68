package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Secret;
import io.cointrader.core.Severity;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AccountBalance;
import io.cointrader.exchange.ApiKeyInfo;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.OrderChance;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.OrderRequest;
import io.cointrader.exchange.PrivateExchange;
import io.cointrader.testing.LogCapture;
import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ApiKeyExpiryCheckTest {

    private static final Secret OURS = Secret.of("OuRkEy-0123456789abcdef");
    private static final Secret OTHER = Secret.of("OtHeR-0123456789abcdef");

    /** 10:00 UTC = 19:00 KST. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

    private final List<SafetyEvent> events = new ArrayList<>();
    private final KeyList exchange = new KeyList();

    private ApiKeyExpiryCheck check(Optional<Secret> accessKey) {
        return new ApiKeyExpiryCheck(exchange, accessKey, events::add, clock);
    }

    @Test
    void asksTheExchangeAtMostOncePerUtcDay() {
        exchange.answer = () -> List.of(new ApiKeyInfo(OURS, clock.instant().plus(Duration.ofDays(10))));
        ApiKeyExpiryCheck check = check(Optional.of(OURS));

        check.check();
        check.check();
        clock.advance(Duration.ofHours(13)); // 23:00 UTC, still the same trading day
        check.check();
        clock.advance(Duration.ofHours(1)); // 00:00 UTC, the next day
        check.check();

        assertThat(exchange.calls).isEqualTo(2);
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.type()).isEqualTo(SafetyEventType.API_KEY_EXPIRY));
    }

    @Test
    void highFromThirtyDaysLeftCriticalFromSevenAndAfterExpiryNothingBefore() {
        Instant now = clock.instant();

        assertThat(severityWith(now.plus(Duration.ofDays(30)).plusSeconds(1))).isEmpty();
        assertThat(severityWith(now.plus(Duration.ofDays(30)))).contains(Severity.HIGH);
        assertThat(severityWith(now.plus(Duration.ofDays(7)).plusSeconds(1))).contains(Severity.HIGH);
        assertThat(severityWith(now.plus(Duration.ofDays(7)))).contains(Severity.CRITICAL);
        assertThat(severityWith(now)).contains(Severity.CRITICAL);
        assertThat(severityWith(now.minus(Duration.ofDays(3)))).contains(Severity.CRITICAL);
    }

    @Test
    void theMessageGivesTheKoreanDateTheDaysLeftAndWhatToDo() {
        // 2026-12-17T16:00Z is already 2026-12-18 in Korea
        exchange.answer = () -> List.of(new ApiKeyInfo(OURS, Instant.parse("2026-12-17T16:00:00Z")));

        check(Optional.of(OURS)).check();

        SafetyEvent event = events.get(0);
        assertThat(event.severity()).isEqualTo(Severity.HIGH);
        assertThat(event.symbol()).isNull();
        assertThat(event.message())
                .contains("expires on 2026-12-18 KST (10 days left)")
                .contains("issue a new key on upbit.com")
                .contains("trader encrypt-keys")
                .doesNotContain(OURS.reveal());
        assertThat(event.details()).containsEntry("days_left", "10");
    }

    @Test
    void anExpiredKeySaysHowLongAgo() {
        assertThat(ApiKeyExpiryCheck.describe(Instant.parse("2026-12-04T10:00:00Z"), clock.instant()))
                .isEqualTo("expired on 2026-12-04 KST (3 days ago)");
        assertThat(ApiKeyExpiryCheck.describe(clock.instant().plusSeconds(60), clock.instant()))
                .isEqualTo("expires on 2026-12-07 KST (less than a day left)");
    }

    @Test
    void picksOurKeyFromTheListAndTheEarliestWhenOursIsNotThere() {
        Instant soon = clock.instant().plus(Duration.ofDays(5));
        Instant late = clock.instant().plus(Duration.ofDays(200));
        List<ApiKeyInfo> keys = List.of(new ApiKeyInfo(OTHER, soon), new ApiKeyInfo(OURS, late));

        assertThat(ApiKeyExpiryCheck.expiryOf(keys, Optional.of(OURS))).contains(late);
        assertThat(ApiKeyExpiryCheck.expiryOf(keys, Optional.of(Secret.of("unlisted-key"))))
                .contains(soon);
        assertThat(ApiKeyExpiryCheck.expiryOf(keys, Optional.empty())).contains(soon);
        assertThat(ApiKeyExpiryCheck.expiryOf(List.of(), Optional.of(OURS))).isEmpty();
    }

    @Test
    void anUnknownExpiryIsAWarningOnceAndNeverAFailure() {
        exchange.answer = () -> {
            throw new OrderRejectedException("Upbit GET /v1/api_keys: HTTP 404");
        };
        ApiKeyExpiryCheck check = check(Optional.of(OURS));

        try (LogCapture log = LogCapture.of(ApiKeyExpiryCheck.class, Level.WARN)) {
            check.check();
            clock.advance(Duration.ofDays(1));
            exchange.answer = List::of;
            check.check();
            clock.advance(Duration.ofDays(1));
            exchange.answer = () -> {
                throw new IllegalStateException("unexpected");
            };
            check.check();

            assertThat(log.events(Level.WARN)).hasSize(1);
            assertThat(log.texts().get(0)).contains("unknown", "HTTP 404");
        }
        assertThat(events).isEmpty();
        assertThat(exchange.calls).isEqualTo(3);
    }

    private Optional<Severity> severityWith(Instant expireAt) {
        events.clear();
        exchange.answer = () -> List.of(new ApiKeyInfo(OURS, expireAt));
        check(Optional.of(OURS)).check();
        return events.stream().map(SafetyEvent::severity).findFirst();
    }

    /** A private exchange that only lists keys, from a scripted answer, counting the calls. */
    private static final class KeyList implements PrivateExchange {
        Supplier<List<ApiKeyInfo>> answer = List::of;
        int calls;

        @Override
        public List<ApiKeyInfo> apiKeys() {
            calls++;
            return answer.get();
        }

        @Override
        public List<AccountBalance> accounts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrderChance chance(Symbol symbol) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ExchangeOrder placeOrder(OrderRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ExchangeOrder> orderByIdentifier(String identifier) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ExchangeOrder> orderByUuid(String uuid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ExchangeOrder> openOrders(Symbol symbol) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ExchangeOrder> allOpenOrders() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ExchangeOrder> closedOrders(java.time.Instant from, java.time.Instant to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ExchangeOrder cancelByIdentifier(String identifier) {
            throw new UnsupportedOperationException();
        }
    }
}
