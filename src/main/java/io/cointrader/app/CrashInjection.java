package io.cointrader.app;

import io.cointrader.execution.CrashHook;
import io.cointrader.execution.CrashPoint;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for crash tests only: with the JVM system property {@code
 * cointrader.crash-at=POINT:N} the process halts at once, as kill -9 would, the N-th time the order
 * path reaches POINT (a {@link CrashPoint}). Without the property nothing happens. Never set it on a
 * real account.
 */
final class CrashInjection {

    static final String PROPERTY = "cointrader.crash-at";
    static final int KILLED = 137;

    private CrashInjection() {}

    static CrashHook fromSystemProperty() {
        return parse(System.getProperty(PROPERTY)).orElse(CrashHook.NONE);
    }

    static Optional<CrashHook> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return Optional.empty();
        }
        String[] parts = spec.trim().split(":");
        CrashPoint point = CrashPoint.valueOf(parts[0].toUpperCase(Locale.ROOT));
        int nth = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        AtomicInteger seen = new AtomicInteger();
        return Optional.of(reached -> {
            if (reached == point && seen.incrementAndGet() == nth) {
                Runtime.getRuntime().halt(KILLED);
            }
        });
    }
}
