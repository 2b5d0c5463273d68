package io.cointrader.exchange.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.exchange.AuthFailedException;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a non-2xx Upbit answer into the exchange exception family (upbit-api.md sections 0a and 5).
 * 418 and 429 are decided by the status; below 500 a known {@code error.name} decides whatever the
 * status, because Upbit's statuses differ between API areas (a 403 can be {@code out_of_scope} or
 * {@code market_offline}); otherwise the status decides. An answer decided by a known name or by a
 * 4xx status other than 408 is definite: the call took no effect. Messages
 * name the call, the status and Upbit's error name and message (shortened, control characters
 * removed); they never contain request headers, and a non-JSON body (an HTML error page) is not
 * echoed.
 */
final class UpbitErrors {

    private static final int MAX_MESSAGE = 160;
    private static final Duration MIN_BAN = Duration.ofSeconds(1);
    private static final Duration MAX_BAN = Duration.ofHours(24);

    /** "30초", "10 minutes", "1시간" ... The 418 body format is not documented, so this is best effort. */
    private static final Pattern DURATION = Pattern.compile(
            "(\\d{1,6})\\s*(초|분|시간|seconds?|secs?|minutes?|mins?|hours?)(?![a-z])", Pattern.CASE_INSENSITIVE);

    private UpbitErrors() {}

    /** Upbit's {@code error.name} and {@code error.message}; name may arrive as a number. */
    record ErrorBody(String name, String message) {}

    static ExchangeException forStatus(
            String label, int status, byte[] body, Optional<String> retryAfter, Instant now, Duration defaultBan) {
        Optional<ErrorBody> error = parseErrorBody(body);
        String detail =
                label + ": HTTP " + status + error.map(UpbitErrors::describe).orElse("");
        if (status == 418) {
            Duration ban = banDuration(retryAfter, error, body).orElse(defaultBan);
            Instant until = now.plus(ban);
            return new UpbitBanException(detail + " (blocked until " + until + ")", until);
        }
        if (status == 429) {
            return new RateLimitedException(detail);
        }
        // A 5xx may come after the server acted, so it stays "unavailable" whatever name it carries,
        // and so does a 408, read as no clear answer as before.
        if (status < 500 && status != 408) {
            Optional<UpbitErrorName> named = error.flatMap(e -> UpbitErrorName.of(e.name()));
            if (named.isPresent()) {
                return named.get().exception(detail);
            }
        }
        return forStatusAlone(status, detail);
    }

    /** The mapping when Upbit's error name is unknown, a number (quotation endpoints) or missing. */
    private static ExchangeException forStatusAlone(int status, String detail) {
        if (status == 401 || status == 403) {
            return new AuthFailedException(detail);
        }
        if (status == 404) {
            return new UpbitNotFoundException(detail);
        }
        if (status >= 400 && status < 500 && status != 408) {
            return new OrderRejectedException(detail);
        }
        return new ExchangeUnavailableException(detail);
    }

    static Optional<ErrorBody> parseErrorBody(byte[] body) {
        return UpbitJson.tryRead(body)
                .map(root -> root.get("error"))
                .filter(JsonNode::isObject)
                .map(e -> new ErrorBody(clean(scalar(e.get("name"))), clean(scalar(e.get("message")))));
    }

    /**
     * Block time of a 418: {@code Retry-After} seconds, else a duration written in the body, whichever
     * is longer; clamped to 1 s .. 24 h so a misread number can neither unblock at once nor stop the
     * bot for days.
     */
    static Optional<Duration> banDuration(Optional<String> retryAfter, Optional<ErrorBody> error, byte[] body) {
        Optional<Duration> fromHeader = retryAfter
                .map(String::trim)
                .filter(v -> v.matches("\\d{1,7}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)));
        String text = error.map(e -> e.message())
                .orElseGet(() -> new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8));
        Optional<Duration> fromBody = durationIn(text);
        Optional<Duration> longest = fromHeader.isEmpty()
                ? fromBody
                : fromBody.map(b -> b.compareTo(fromHeader.get()) > 0 ? b : fromHeader.get())
                        .or(() -> fromHeader);
        return longest.map(d -> d.compareTo(MIN_BAN) < 0 ? MIN_BAN : d.compareTo(MAX_BAN) > 0 ? MAX_BAN : d);
    }

    private static Optional<Duration> durationIn(String text) {
        Matcher m = DURATION.matcher(text);
        Duration total = Duration.ZERO;
        while (m.find()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            if (unit.equals("초") || unit.startsWith("s")) {
                total = total.plusSeconds(amount);
            } else if (unit.equals("분") || unit.startsWith("m")) {
                total = total.plusMinutes(amount);
            } else {
                total = total.plusHours(amount);
            }
        }
        return total.isZero() ? Optional.empty() : Optional.of(total);
    }

    private static String describe(ErrorBody e) {
        String name = e.name().isEmpty() ? "" : " " + e.name();
        String message = e.message().isEmpty() ? "" : ": " + e.message();
        return name + message;
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText();
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_MESSAGE));
        for (int i = 0; i < text.length() && out.length() < MAX_MESSAGE; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().trim();
    }
}
