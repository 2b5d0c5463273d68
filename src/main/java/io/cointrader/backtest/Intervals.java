package io.cointrader.backtest;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Candle intervals as users write them: {@code 1m}, {@code 15m}, {@code 60m}, {@code 1h}, {@code 4h}, {@code 1d}. */
public final class Intervals {

    private static final Pattern TEXT = Pattern.compile("([0-9]{1,4})([mhd])");

    private Intervals() {}

    /**
     * @throws BacktestDataException for text that is not a positive number of minutes, hours or days
     */
    public static Duration parse(String text) {
        return tryParse(text)
                .orElseThrow(() -> new BacktestDataException("interval '" + text
                        + "' is not a number of minutes, hours or days such as 1m, 15m, 60m, 4h or 1d"));
    }

    public static Optional<Duration> tryParse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            return Optional.empty();
        }
        return Optional.of(
                switch (m.group(2)) {
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
    }

    /** Minutes as {@code 60m}, whole days as {@code 1d}. */
    public static String format(Duration interval) {
        if (interval.toSeconds() % 86_400 == 0) {
            return interval.toDays() + "d";
        }
        if (interval.toSeconds() % 60 == 0) {
            return interval.toMinutes() + "m";
        }
        return interval.toSeconds() + "s";
    }
}
