package io.cointrader.app;

import io.cointrader.safety.AnomalyMonitor;
import io.cointrader.safety.KillSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

/**
 * Follows the kill switch tick by tick against {@link TripModel}: each tick must fail exactly when the
 * faults say, the switch must trip exactly when the model does, every tick while it is on must stop at
 * once, and no order may reach the exchange until the soak releases it, a random number of ticks later.
 */
final class KillSwitchWatch {

    private final TripModel model;
    private final KillSwitch killSwitch;
    private final AnomalyMonitor anomalies;
    private final IntSupplier exchangeOrders;
    private final SplittableRandom random;
    private final List<String> fateMisses = new ArrayList<>();
    private final List<String> tripMisses = new ArrayList<>();
    private int tripsPredicted;
    private int tripsObserved;
    private int releases;
    private int tickedWhileTripped;
    private int ordersWhileTripped;
    private int ordersAtTrip;
    private int ordersAtFirstRelease = -1;
    private int holdTicks;
    private int trippedTicks;

    KillSwitchWatch(
            int threshold, KillSwitch killSwitch, AnomalyMonitor anomalies, IntSupplier exchangeOrders, long seed) {
        this.model = new TripModel(threshold);
        this.killSwitch = killSwitch;
        this.anomalies = anomalies;
        this.exchangeOrders = exchangeOrders;
        this.random = new SplittableRandom(seed);
    }

    boolean active() {
        return model.active();
    }

    /** Judges tick {@code number}; {@code fate} is what the faults did to its reads (ignored while tripped). */
    void tick(int number, TickReport report, TripModel.Fate fate) {
        if (model.active()) {
            whileTripped(number, report);
            return;
        }
        boolean failed = report.action() == TickAction.API_FAILURE;
        if (failed != (fate != TripModel.Fate.GOOD)) {
            fateMisses.add(
                    "tick " + number + " expected " + fate + " but was " + report.action() + ": " + report.detail());
        }
        boolean predicted = model.tick(fate);
        boolean observed = killSwitch.isActive();
        int streak = anomalies.consecutiveFailures();
        if (predicted) {
            tripsPredicted++;
        }
        if (observed) {
            tripsObserved++;
            ordersAtTrip = exchangeOrders.getAsInt();
            trippedTicks = 0;
            holdTicks = 3 + random.nextInt(25);
        }
        if (predicted != observed || streak != model.streak()) {
            tripMisses.add("tick " + number + " kill switch predicted " + predicted + " (streak " + model.streak()
                    + "), was " + observed + " (streak " + streak + ")");
            model.resync(observed, streak);
        }
    }

    private void whileTripped(int number, TickReport report) {
        tickedWhileTripped++;
        trippedTicks++;
        if (report.action() != TickAction.KILL_SWITCH) {
            tripMisses.add("tick " + number + " ran with the kill switch active: " + report.action());
        }
        if (trippedTicks >= holdTicks) {
            release();
        }
    }

    private void release() {
        int orders = exchangeOrders.getAsInt();
        ordersWhileTripped += orders - ordersAtTrip;
        killSwitch.release("soak");
        model.release();
        releases++;
        if (ordersAtFirstRelease < 0) {
            ordersAtFirstRelease = orders;
        }
    }

    /** The end of the run: the count of orders placed after the first release, then a last release. */
    int finish() {
        int after = ordersAtFirstRelease < 0 ? 0 : exchangeOrders.getAsInt() - ordersAtFirstRelease;
        if (model.active()) {
            ordersWhileTripped += exchangeOrders.getAsInt() - ordersAtTrip;
            killSwitch.release("soak");
            model.release();
        }
        return after;
    }

    void addChecks(SoakChecks checks, int failedReads, int ordersAfterRelease) {
        checks.check(
                "ticks failed exactly when the faults say they must",
                fateMisses.isEmpty(),
                fateMisses.isEmpty()
                        ? failedReads + " failed reads, all predicted"
                        : fateMisses.size() + " misses, first: " + first(fateMisses));
        checks.check(
                "the kill switch tripped exactly when the design says, and stayed on until released",
                tripMisses.isEmpty(),
                tripMisses.isEmpty()
                        ? tripsObserved + " trips, all predicted"
                        : tripMisses.size() + " misses, first: " + first(tripMisses));
        checks.check(
                "the kill switch tripped at least once",
                tripsObserved > 0,
                tripsPredicted + " predicted, " + tripsObserved + " observed");
        checks.check(
                "no order was placed while the kill switch was active",
                ordersWhileTripped == 0,
                ordersWhileTripped + " orders in " + tickedWhileTripped + " ticks");
        checks.check(
                "trading resumed after a release",
                releases > 0 && ordersAfterRelease > 0,
                releases + " releases, " + ordersAfterRelease + " orders placed after the first");
    }

    String figures() {
        return String.format(
                "kill switch: %d trips predicted, %d observed, %d releases, %d ticks while tripped",
                tripsPredicted, tripsObserved, releases, tickedWhileTripped);
    }

    static String first(List<String> items) {
        return items.subList(0, Math.min(5, items.size())).toString();
    }
}
