package io.cointrader.app;

import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Secret;
import io.cointrader.core.Severity;
import io.cointrader.exchange.ApiKeyInfo;
import io.cointrader.exchange.PrivateExchange;
import io.cointrader.safety.SafetyEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns before the exchange API key in use expires: Upbit keys expire one year after issue and cannot
 * be extended, and an expired key stops live trading. {@link #check()} asks the exchange at most once
 * per trading day (UTC day of the clock) and records a HIGH safety event when the key expires within
 * {@link #HIGH_WITHIN}, a CRITICAL one within {@link #CRITICAL_WITHIN} or once it has expired, nothing
 * otherwise. An expiry it cannot learn (the call fails, the answer is unreadable, no key is listed) is
 * logged once as a warning and never stops trading. Used from the trading loop's thread only.
 */
final class ApiKeyExpiryCheck {

    static final Duration HIGH_WITHIN = Duration.ofDays(30);
    static final Duration CRITICAL_WITHIN = Duration.ofDays(7);
    static final String HINT = "issue a new key on upbit.com (Open API management) and rerun trader encrypt-keys";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyExpiryCheck.class);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    /** What an expiry calls for. */
    enum Urgency {
        NONE,
        HIGH,
        CRITICAL
    }

    private final PrivateExchange exchange;
    private final Optional<Secret> accessKey;
    private final SafetyEventSink safety;
    private final Clock clock;
    private LocalDate checkedDay;
    private boolean warnedUnknown;

    /**
     * @param accessKey the key in use, to pick its entry from the exchange's list; empty (or a key the
     *     list does not show) means the earliest expiry listed is taken, the cautious reading
     */
    ApiKeyExpiryCheck(PrivateExchange exchange, Optional<Secret> accessKey, SafetyEventSink safety, Clock clock) {
        this.exchange = exchange;
        this.accessKey = accessKey;
        this.safety = safety;
        this.clock = clock;
    }

    /** Once per trading day: looks the expiry up and records the event it calls for. Never throws. */
    void check() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (today.equals(checkedDay)) {
            return;
        }
        checkedDay = today;
        try {
            Optional<Instant> expiry = expiryOf(exchange.apiKeys(), accessKey);
            if (expiry.isEmpty()) {
                warnUnknown("the exchange listed no API key");
                return;
            }
            event(expiry.get(), clock.instant()).ifPresent(safety::record);
        } catch (RuntimeException e) {
            warnUnknown(e.getMessage());
        }
    }

    /** The expiry of {@code accessKey} in {@code keys}; the earliest listed when it is not there. */
    static Optional<Instant> expiryOf(List<ApiKeyInfo> keys, Optional<Secret> accessKey) {
        Optional<ApiKeyInfo> ours =
                accessKey.flatMap(key -> keys.stream().filter(k -> k.isKey(key)).findFirst());
        return ours.or(() -> keys.stream().min(Comparator.comparing(ApiKeyInfo::expireAt)))
                .map(ApiKeyInfo::expireAt);
    }

    /** CRITICAL within {@link #CRITICAL_WITHIN} (both ends included) or after expiry, HIGH within {@link #HIGH_WITHIN}. */
    static Urgency urgency(Instant expireAt, Instant now) {
        Duration left = Duration.between(now, expireAt);
        if (left.compareTo(CRITICAL_WITHIN) <= 0) {
            return Urgency.CRITICAL;
        }
        return left.compareTo(HIGH_WITHIN) <= 0 ? Urgency.HIGH : Urgency.NONE;
    }

    /** "expires on 2027-03-22 KST (12 days left)" or "expired on 2027-03-22 KST (3 days ago)". */
    static String describe(Instant expireAt, Instant now) {
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(expireAt.atZone(KST)) + " KST";
        Duration left = Duration.between(now, expireAt);
        if (left.isNegative() || left.isZero()) {
            return "expired on " + date + " (" + days(left.negated().toDays()) + " ago)";
        }
        return "expires on " + date + " (" + days(left.toDays()) + " left)";
    }

    private static Optional<SafetyEvent> event(Instant expireAt, Instant now) {
        Urgency urgency = urgency(expireAt, now);
        if (urgency == Urgency.NONE) {
            return Optional.empty();
        }
        return Optional.of(new SafetyEvent(
                SafetyEventType.API_KEY_EXPIRY,
                urgency == Urgency.CRITICAL ? Severity.CRITICAL : Severity.HIGH,
                null,
                "the Upbit API key " + describe(expireAt, now) + "; live trading stops when it expires: " + HINT,
                Map.of(
                        "expire_at",
                        expireAt.toString(),
                        "days_left",
                        Long.toString(Duration.between(now, expireAt).toDays())),
                now));
    }

    private void warnUnknown(String reason) {
        if (!warnedUnknown) {
            warnedUnknown = true;
            LOG.warn(
                    "the expiry of the Upbit API key is unknown ({}); trading goes on, check it on upbit.com"
                            + " (Open API management)",
                    reason);
        }
    }

    private static String days(long days) {
        return days == 0 ? "less than a day" : days == 1 ? "1 day" : days + " days";
    }
}
