package io.cointrader.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The creation-time window of {@code GET /v1/orders/closed}, both ends included, as Upbit reads
 * {@code start_time} and {@code end_time}: ISO-8601 with an offset or epoch milliseconds; without
 * either the 7 days up to now, with one of them 7 days from or up to it; both must lie at most 7 days
 * apart. "Now" is market time, the clock orders are stamped with.
 */
record ClosedWindow(Instant from, Instant to) {

    static final Duration MAX = Duration.ofDays(7);

    /**
     * @throws ApiError 400 {@code validation_error} for an unreadable time, an end before the start or
     *     a window longer than 7 days
     */
    static ClosedWindow of(Params params, Instant now) {
        Optional<Instant> start = time(params, "start_time");
        Optional<Instant> end = time(params, "end_time");
        Instant from = start.orElseGet(() -> end.orElse(now).minus(MAX));
        Instant to = end.orElseGet(() -> start.map(s -> s.plus(MAX)).orElse(now));
        if (to.isBefore(from)) {
            throw ApiError.validation("end_time is before start_time");
        }
        if (Duration.between(from, to).compareTo(MAX) > 0) {
            throw ApiError.validation("start_time and end_time may be at most 7 days apart");
        }
        return new ClosedWindow(from, to);
    }

    private static Optional<Instant> time(Params params, String name) {
        Optional<String> text = params.first(name).map(String::strip);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        try {
            if (value.matches("\\d{1,15}")) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw ApiError.validation(name + " must be ISO-8601 with an offset or epoch milliseconds, got " + value);
        }
    }
}
