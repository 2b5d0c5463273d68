package io.cointrader.app;

import java.time.Duration;

/** Short texts for durations on the console: {@code 45 s}, {@code 12 min}, {@code 3 h 5 min}. */
final class Durations {

    private Durations() {}

    static String shortText(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
    }
}
