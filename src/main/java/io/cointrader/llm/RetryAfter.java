package io.cointrader.llm;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The server's retry hint: {@code retry-after-ms} (milliseconds) first, then {@code retry-after} as
 * seconds (a decimal is allowed) or as an HTTP date. Anything unreadable is no hint.
 */
final class RetryAfter {

    private RetryAfter() {}

    static Optional<Duration> from(HttpHeaders headers, Clock clock) {
        Optional<Duration> millis =
                headers.firstValue("retry-after-ms").flatMap(v -> number(v).map(ms -> nanos(ms * 1e6)));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").flatMap(v -> seconds(v.strip(), clock));
    }

    private static Optional<Duration> seconds(String value, Clock clock) {
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return seconds.map(s -> nanos(s * 1e9));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String value) {
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) && d >= 0 ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration nanos(double nanos) {
        // a day is far beyond any cap the retry policy applies; clamp to avoid overflow
        return Duration.ofNanos((long) Math.min(nanos, 86_400e9));
    }
}
