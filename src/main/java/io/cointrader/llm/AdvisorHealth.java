package io.cointrader.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a failing advisor quiet and cheap. The first failure of each kind (a timeout, a refused
 * connection, an answer that is not advice, ...) is one warning; later ones are counted and reported
 * in one line an hour and when the advisor closes. After {@link #FAILURES_BEFORE_PAUSE} calls in a row
 * without advice the advisor pauses: one warning, then it is asked again after 1 minute, 2, 4, ... up
 * to 30 minutes, quietly, until an answer is advice again, which logs one "recovered" line and makes
 * every kind of failure worth one warning again.
 *
 * <p>The pauses run on the wall clock, also on replay: they spare a server that is down or a model
 * that answers garbage, and a server is down for real minutes however fast a replay moves its
 * simulated hours. Thread-safe.
 */
final class AdvisorHealth {

    static final int FAILURES_BEFORE_PAUSE = 3;
    static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(30);
    static final Duration SUMMARY_EVERY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorHealth.class);

    private final String advisorName;
    private final Clock clock;
    private final Set<String> warned = new HashSet<>();
    private final Map<String, Long> counted = new LinkedHashMap<>();
    private int inARow;
    private Duration pause = Duration.ZERO;
    private Instant pausedUntil;
    /** When the first of the failures counted in {@link #counted} happened. */
    private Instant countingSince;

    /** @param clock the wall clock: pauses and the hourly count are real time */
    AdvisorHealth(String advisorName, Clock clock) {
        this.advisorName = Objects.requireNonNull(advisorName, "advisorName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** False while the advisor pauses after repeated failures. */
    synchronized boolean mayAsk() {
        return pausedUntil == null || !clock.instant().isBefore(pausedUntil);
    }

    /** When the pause ends; null when there is none. */
    synchronized Instant pausedUntil() {
        return pausedUntil;
    }

    /** An answer that was advice: ends a pause (one "recovered" line) and the run of failures. */
    synchronized void succeeded() {
        if (pausedUntil != null) {
            LOG.info("advisor {} recovered: it answered with advice after {} calls without", advisorName, inARow);
            warned.clear();
        }
        inARow = 0;
        pause = Duration.ZERO;
        pausedUntil = null;
        reportIfDue();
    }

    /**
     * A call that gave no advice.
     *
     * @param kind what went wrong, e.g. {@code TIMEOUT} or {@code not valid advice}; one warning each
     * @param detail for the warning, e.g. "no advice for KRW-BTC: no answer within 20000 ms"
     */
    synchronized void failed(String kind, String detail) {
        inARow++;
        if (counted.isEmpty()) {
            countingSince = clock.instant();
        }
        counted.merge(kind, 1L, Long::sum);
        if (warned.add(kind)) {
            LOG.warn("advisor {}: {} (further '{}' failures are only counted)", advisorName, detail, kind);
        } else {
            LOG.debug("advisor {}: {}", advisorName, detail);
        }
        if (pausedUntil != null || inARow >= FAILURES_BEFORE_PAUSE) {
            pauseAfter(kind);
        }
        reportIfDue();
    }

    /** Reports what was counted since the last report, if anything. */
    synchronized void report() {
        if (counted.isEmpty()) {
            return;
        }
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        String kinds = counted.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        LOG.info("advisor {}: {} call(s) gave no advice since {} ({})", advisorName, total, countingSince, kinds);
        counted.clear();
    }

    private void pauseAfter(String kind) {
        boolean first = pause.isZero();
        pause = first ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
        pausedUntil = clock.instant().plus(pause);
        if (first) {
            LOG.warn(
                    "advisor {}: {} calls in a row gave no advice (the last: {}); not asking it for {} s, then"
                            + " at growing intervals until it answers",
                    advisorName,
                    inARow,
                    kind,
                    pause.toSeconds());
        } else {
            LOG.debug("advisor {} still gives no advice; next try in {} s", advisorName, pause.toSeconds());
        }
    }

    private void reportIfDue() {
        if (!counted.isEmpty() && !clock.instant().isBefore(countingSince.plus(SUMMARY_EVERY))) {
            report();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
