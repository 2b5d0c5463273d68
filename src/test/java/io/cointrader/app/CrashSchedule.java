package io.cointrader.app;

import io.cointrader.core.Side;
import io.cointrader.execution.CrashPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kills of a crash matrix ({@link CrashMatrix}): what each run is, its order, and how they are counted. */
final class CrashSchedule {

    private CrashSchedule() {}

    /** How one run is stopped. */
    enum Way {
        HOOK,
        ANSWER_HELD,
        RANDOM
    }

    /**
     * One run of the trader and how it is to end; {@code rest} is the side of the order a kill on the
     * cancel path lets rest until it times out (null for the other kills).
     */
    record Kill(Way way, CrashPoint point, Side rest) {
        static final String ANSWER_HELD_LABEL = "AFTER_POST_SENT (answer held)";

        Kill(Way way, CrashPoint point) {
            this(way, point, null);
        }

        String label() {
            return switch (way) {
                case HOOK -> rest == null ? point.name() : cancelLabel(point, rest);
                case ANSWER_HELD -> ANSWER_HELD_LABEL;
                case RANDOM -> "RANDOM";
            };
        }

        static String cancelLabel(CrashPoint point, Side side) {
            return point.name() + (side == Side.SELL ? " (sell, before it is placed again)" : " (buy)");
        }
    }

    /**
     * What one kill came to: the label it is counted under, and a problem when it did not go as planned.
     * A run that did not reach its point in time (the strategy may go long without an order) was killed
     * at the time limit and {@code retry} says so.
     */
    record Outcome(String label, String problem, boolean retry) {
        Outcome(String label, String problem) {
            this(label, problem, false);
        }
    }

    /**
     * Every crash point {@code rounds} times in the order of the path, plus {@code randomPerRound}
     * random kills per round. A held answer comes just before each reconciliation crash: it leaves an
     * intent whose order the exchange has, so the next start halts while settling that intent.
     */
    static List<Kill> schedule(int rounds, int randomPerRound) {
        List<Kill> kills = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (CrashPoint point : CrashPoint.values()) {
                if (point == CrashPoint.DURING_RECONCILIATION) {
                    kills.add(new Kill(Way.ANSWER_HELD, null));
                }
                // the cancel points alternate: a resting sell in even rounds, a resting buy in odd ones
                Side rest = onCancelPath(point) ? (round % 2 == 0 ? Side.SELL : Side.BUY) : null;
                kills.add(new Kill(Way.HOOK, point, rest));
            }
            for (int i = 0; i < randomPerRound; i++) {
                kills.add(new Kill(Way.RANDOM, null));
            }
        }
        return kills;
    }

    /** Every kill label in the order of the path, then random: the rows of the summary. */
    static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (CrashPoint point : CrashPoint.values()) {
            if (point == CrashPoint.DURING_RECONCILIATION) {
                labels.add(Kill.ANSWER_HELD_LABEL);
            }
            if (onCancelPath(point)) {
                labels.add(Kill.cancelLabel(point, Side.SELL));
                labels.add(Kill.cancelLabel(point, Side.BUY));
            } else {
                labels.add(point.name());
            }
        }
        labels.add("RANDOM");
        return labels;
    }

    static boolean onCancelPath(CrashPoint point) {
        return point == CrashPoint.AFTER_CANCEL_SENT || point == CrashPoint.AFTER_CANCEL_RECORDED;
    }

    /** Counts kills per label, in the order of {@link #labels()}. */
    static Map<String, Integer> count(List<Outcome> outcomes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels().forEach(l -> counts.put(l, 0));
        outcomes.stream().filter(o -> o.problem() == null).forEach(o -> counts.merge(o.label(), 1, Integer::sum));
        return counts;
    }
}
