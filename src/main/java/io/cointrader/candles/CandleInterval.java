package io.cointrader.candles;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The candle intervals Upbit serves over REST: minute candles of 1 to 240 minutes ({@code
 * /v1/candles/minutes/{unit}}) and day candles ({@code /v1/candles/days}, 00:00 UTC to 00:00 UTC).
 * Every interval divides a day, and Upbit aligns candles to UTC midnight, so open times are whole
 * multiples of the interval since the epoch.
 */
public enum CandleInterval {
    MINUTES_1(1),
    MINUTES_3(3),
    MINUTES_5(5),
    MINUTES_10(10),
    MINUTES_15(15),
    MINUTES_30(30),
    MINUTES_60(60),
    MINUTES_240(240),
    DAY(1440);

    /** What {@link #parse} accepts, for messages. */
    public static final String ACCEPTED = "1m 3m 5m 10m 15m 30m 60m 240m 1h 4h 1d";

    private final int minutes;

    CandleInterval(int minutes) {
        this.minutes = minutes;
    }

    public int minutes() {
        return minutes;
    }

    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }

    /** Short name such as {@code 60m} or {@code 1d}. */
    public String label() {
        return this == DAY ? "1d" : minutes + "m";
    }

    /** The REST path of these candles below the base URL. */
    public String path() {
        return this == DAY ? "/v1/candles/days" : "/v1/candles/minutes/" + minutes;
    }

    /** The open time of the candle that contains {@code time}. */
    public Instant floor(Instant time) {
        long seconds = minutes * 60L;
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), seconds) * seconds);
    }

    /** The first open time at or after {@code time}. */
    public Instant ceil(Instant time) {
        Instant floor = floor(time);
        return floor.equals(time) ? floor : floor.plus(duration());
    }

    /**
     * Parses {@code 1m 3m 5m 10m 15m 30m 60m 240m 1h 4h 1d} (case-insensitive, blanks around ignored).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static CandleInterval parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "1h" -> MINUTES_60;
            case "4h" -> MINUTES_240;
            case "1d" -> DAY;
            default -> fromMinuteText(t, text);
        };
    }

    /**
     * The interval of {@code minutes} minutes.
     *
     * @throws IllegalArgumentException when Upbit has no such candles
     */
    public static CandleInterval ofMinutes(int minutes) {
        for (CandleInterval interval : values()) {
            if (interval.minutes == minutes) {
                return interval;
            }
        }
        throw new IllegalArgumentException(
                "Upbit has no candles of " + minutes + " minutes; intervals are " + ACCEPTED);
    }

    private static CandleInterval fromMinuteText(String lower, String original) {
        if (lower.matches("[0-9]{1,3}m")) {
            int minutes = Integer.parseInt(lower.substring(0, lower.length() - 1));
            for (CandleInterval interval : values()) {
                if (interval != DAY && interval.minutes == minutes) {
                    return interval;
                }
            }
        }
        throw new IllegalArgumentException("interval '" + original + "' is not one of " + ACCEPTED);
    }
}
