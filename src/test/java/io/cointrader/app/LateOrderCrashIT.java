package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.SafetyEvent;
import io.cointrader.sim.RateLimits;
import io.cointrader.sim.SeenRequest;
import io.cointrader.sim.SimOrder;
import io.cointrader.sim.SimTrade;
import io.cointrader.sim.SimulatorConfig;
import io.cointrader.sim.SimulatorFaults;
import io.cointrader.state.IntentRecord;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * An order the exchange creates late, across a crash: the order POST goes unanswered and the exchange
 * creates the order only later; the trader is killed right after the POST, restarts, looks the order
 * up and does not find it. With a grace window longer than the delay the intent waits, and the order is
 * found and recorded with its fills once it appears; with a grace window shorter than the delay the
 * intent is first given up as not placed, and the scan for unknown orders then adopts the order, its
 * intent counted as placed after all. Both end with the books as a crash matrix audits them.
 *
 * <p>The simulator's wall clock decides when the order appears; the test moves it on only once the
 * restarted trader has missed the order, so no timing decides the outcome. The market (ahead of the wall
 * clock, so that no order the trader follows times out) stands still from the POST until the order is
 * recorded, then moves until it has filled.
 */
class LateOrderCrashIT {

    /** Longer than anything else in the test: the order appears only when the test moves the clock on. */
    private static final Duration LATE_BY = Duration.ofHours(1);

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void anOrderCreatedLaterThanTheRestartIsFoundWithinTheGraceWindowAndRecordedWithItsFills() throws Exception {
        try (LateCase late = new LateCase(work, "600")) {
            late.postUnansweredThenKill();
            Instant restarted = Instant.now();
            late.restart();
            late.await(
                    "the restarted trader looked the order up and did not find it",
                    () -> late.notFoundSince(restarted) >= 2);
            assertThat(late.intentState()).isIn("SUBMITTING", "UNKNOWN");

            late.letTheOrderAppear();
            late.await("the order is recorded under its intent", () -> "PLACED".equals(late.intentState()));
            late.fillAndSettle();

            // found by its lookup, or by the scan of the same pass: either way while its intent was waiting
            late.assertRecordedWithItsFillsAndTheBooksStraight(
                    e -> e.contains(": order found: ") || e.contains("was UNKNOWN)") || e.contains("was SUBMITTING)"));
        }
    }

    @Test
    void anOrderCreatedAfterItsIntentWasGivenUpIsAdoptedByTheScanWithItsFills() throws Exception {
        try (LateCase late = new LateCase(work, "2")) {
            late.postUnansweredThenKill();
            late.restart();
            late.await("the intent is given up as not placed once the grace window has passed", () -> "NOT_PLACED"
                    .equals(late.intentState()));

            late.letTheOrderAppear();
            late.await("the scan adopts the order and counts its intent as placed", () -> "PLACED"
                    .equals(late.intentState()));
            late.fillAndSettle();

            late.assertRecordedWithItsFillsAndTheBooksStraight(
                    e -> e.contains("that the database did not know") && e.contains("was NOT_PLACED)"));
        }
    }

    /** One rehearsal: the simulator with a late order armed, the trader process and the database. */
    private static final class LateCase implements AutoCloseable {

        private final Path work;
        private final JumpingClock simWall = new JumpingClock();
        private final SimRehearsal rehearsal;
        private final Map<String, String> env;
        private final SimRequestTally requests;
        private Process trader;
        private int starts;
        private String identifier;

        LateCase(Path work, String graceSeconds) throws Exception {
            this.work = work;
            this.rehearsal = new SimRehearsal(
                    work,
                    RateLimits.upbit(),
                    MirroredHistory.startingAfter(MirroredHistory.of(2), Instant.now()),
                    SimulatorConfig.DEFAULT_KEY_LIFETIME,
                    simWall);
            CrashMatrix.writeOriginalKeyFile(work);
            Map<String, String> e = new HashMap<>(CrashMatrix.traderEnv(rehearsal));
            e.put("UNKNOWN_ORDER_GRACE_SEC", graceSeconds);
            e.put("BUY_ORDER_TIMEOUT_SEC", "3600");
            e.put("SELL_ORDER_TIMEOUT_SEC", "3600");
            this.env = Map.copyOf(e);
            this.requests = new SimRequestTally(rehearsal.sim);
        }

        /** Starts the trader; its first order POST is validated, not answered, and its order not created yet. */
        void postUnansweredThenKill() throws Exception {
            rehearsal.sim.faults().createNextOrdersLate(1, LATE_BY);
            rehearsal.moveMarket(Duration.ofMinutes(60), 200);
            start();
            await(
                    "the trader posted an order",
                    () -> rehearsal.sim.faults().applied(SimulatorFaults.Kind.LATE_CREATED_ORDER, "/v1/orders") == 1);
            trader.destroyForcibly(); // SIGKILL right after the unanswered POST
            assertThat(trader.waitFor(30, TimeUnit.SECONDS)).isTrue();
            rehearsal.stopMarket(); // the order must not be able to fill before it is recorded
            identifier = requests.postsPerIdentifier().keySet().iterator().next();
            assertThat(exchangeOrder())
                    .as("the exchange has not created the order yet")
                    .isEmpty();
        }

        void restart() throws Exception {
            start();
        }

        /** Moves the simulator's wall clock past the order's creation time and lets it create the order. */
        void letTheOrderAppear() {
            simWall.jump(LATE_BY);
            rehearsal.sim.match();
            assertThat(exchangeOrder()).as("the exchange created the order").isPresent();
        }

        /**
         * Moves the market an hour at a time until the order has filled on the exchange, waits until the
         * database has every fill, stops the trader and settles with one {@code --once} run.
         */
        void fillAndSettle() throws Exception {
            for (int hour = 0;
                    hour < 24 * 120 && !exchangeOrder().orElseThrow().state().equals("done");
                    hour++) {
                rehearsal.market.advance(Duration.ofHours(1));
                rehearsal.sim.match();
            }
            SimOrder filled = exchangeOrder().orElseThrow();
            assertThat(filled.state()).as("the order filled").isEqualTo("done");
            await("the database holds the order filled", () -> "FILLED".equals(orderStatus()));
            trader.destroy();
            assertThat(trader.waitFor(60, TimeUnit.SECONDS)).isTrue();
            TraderProcess.Result settle = new TraderProcess(work).run(env, "run", "--mode", "live", "--once");
            assertThat(settle.exitCode()).as(settle.err()).isZero();
        }

        /** {@code howFound}: the message of the safety event that tells how the order was found. */
        void assertRecordedWithItsFillsAndTheBooksStraight(Predicate<String> howFound) throws Exception {
            SimOrder there = exchangeOrder().orElseThrow();
            Path db = work.resolve("data/coin_trader.db");
            try (StateStore store = SqliteStateStore.open(db)) {
                IntentRecord intent =
                        store.findIntentByClientOrderId(identifier).orElseThrow();
                assertThat(intent.state()).isEqualTo(IntentState.PLACED);
                var order = store.findOrder(identifier).orElseThrow();
                assertThat(order.intentId()).isEqualTo(intent.intent().intentId());
                assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
                assertThat(order.exchangeOrderId()).isEqualTo(there.uuid());
                List<String> fills = store.allFills().stream()
                        .filter(f -> f.clientOrderId().equals(identifier))
                        .map(Fill::fillId)
                        .toList();
                assertThat(fills)
                        .as("the order's fills")
                        .isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(
                                there.trades().stream().map(SimTrade::uuid).toList());
                assertThat(store.recentSafetyEvents(1000))
                        .filteredOn(e ->
                                e.message().contains(identifier) || e.details().containsValue(identifier))
                        .extracting(SafetyEvent::message)
                        .anyMatch(howFound);
                CrashAudit.Findings f = CrashAudit.audit(
                        rehearsal.orders(),
                        rehearsal.sim.state().trades(SimRehearsal.ACCESS),
                        requests.postsPerIdentifier(),
                        store);
                assertThat(f.duplicates() + f.missing() + f.mismatches())
                        .as(String.join("\n", f.details()))
                        .isZero();
                rehearsal.assertBalancesAgree(store.allFills());
            }
            assertThat(CrashAudit.integrityCheck(db)).containsExactly("ok");
        }

        /** Lookups of the order answered 404 since {@code since}. */
        long notFoundSince(Instant since) {
            List<SeenRequest> lookups = rehearsal.sim.state().requests("/v1/order");
            return lookups.stream()
                    .filter(r -> r.method().equals("GET") && r.status() == 404)
                    .filter(r -> !r.receivedAt().isBefore(since))
                    .filter(r -> ("&" + r.rawQuery() + "&").contains("&identifier=" + identifier + "&"))
                    .count();
        }

        String intentState() {
            return column("SELECT state FROM order_intents WHERE client_order_id = ?");
        }

        String orderStatus() {
            return column("SELECT status FROM orders WHERE client_order_id = ?");
        }

        /** Read-only, while the trader writes. */
        private String column(String sql) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            String url = "jdbc:sqlite:" + work.resolve("data/coin_trader.db");
            try (Connection c = DriverManager.getConnection(url, config.toProperties());
                    PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, identifier);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                return null; // the database is busy or not made yet: asked again
            }
        }

        private Optional<SimOrder> exchangeOrder() {
            return rehearsal.orders().stream()
                    .filter(o -> identifier.equals(o.identifier()))
                    .findFirst();
        }

        void await(String what, BooleanSupplier condition) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!condition.getAsBoolean()) {
                if (!trader.isAlive()) {
                    throw new AssertionError("the trader ended with " + trader.exitValue() + " before: " + what);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within " + WAIT + ": " + what);
                }
                Thread.sleep(50);
            }
        }

        private void start() throws Exception {
            int run = starts++;
            trader = new TraderProcess(work)
                    .builder(List.of("run", "--mode", "live"), env)
                    .redirectOutput(work.resolve("run-" + run + ".out").toFile())
                    .redirectError(work.resolve("run-" + run + ".err").toFile())
                    .start();
        }

        @Override
        public void close() {
            if (trader != null && trader.isAlive()) {
                trader.destroyForcibly();
            }
            rehearsal.close();
        }
    }

    /** The wall clock, moved on by whole jumps when the test says. */
    private static final class JumpingClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void jump(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
