package io.cointrader.state;

import static io.cointrader.state.StateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.IntentState;
import io.cointrader.core.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Model-based differential test: any sequence of calls gives the same outcome (value, or exception type
 * and message) on a {@link MemoryStateStore} as on a {@link SqliteStateStore}, and afterwards every
 * query answers the same on both. {@link SqliteStateStore} is the model.
 */
class StateStoreDifferentialProperties {

    private static final int CHECK_EVERY = 8;

    private Path dir;
    private int tries;

    @BeforeProperty
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("state-differential");
    }

    @AfterProperty
    void deleteDirectory() throws IOException {
        deleteUnder(dir);
        Files.deleteIfExists(dir);
    }

    @Property(tries = 250)
    void memoryStoreAnswersAsTheSqliteStoreDoes(@ForAll("calls") List<StoreCalls.Call> calls) throws IOException {
        Path file = dir.resolve(tries++ + ".db");
        try (SqliteStateStore model =
                        SqliteStateStore.open(file, Clock.fixed(T0, ZoneOffset.UTC), Durability.CRASH_SAFE);
                MemoryStateStore memory = new MemoryStateStore()) {
            for (int i = 0; i < calls.size(); i++) {
                StoreCalls.Call call = calls.get(i);
                assertThat(outcome(() -> call.action().apply(memory)))
                        .as("outcome of call %d: %s", i, call)
                        .isEqualTo(outcome(() -> call.action().apply(model)));
                if (i % CHECK_EVERY == CHECK_EVERY - 1) {
                    assertSameAnswers(model, memory, "after call " + i);
                }
            }
            assertSameAnswers(model, memory, "at the end");
        } finally {
            deleteUnder(dir);
        }
    }

    @Provide
    Arbitrary<List<StoreCalls.Call>> calls() {
        return Arbitraries.longs().map(StoreCalls::call).list().ofMaxSize(60);
    }

    private static void assertSameAnswers(SqliteStateStore model, MemoryStateStore memory, String when) {
        for (Map.Entry<String, Function<StateStore, Object>> query : queries().entrySet()) {
            assertThat(outcome(() -> query.getValue().apply(memory)))
                    .as("%s %s", query.getKey(), when)
                    .isEqualTo(outcome(() -> query.getValue().apply(model)));
        }
        assertThat(outcome(memory::allOrders))
                .as("allOrders %s", when)
                .isEqualTo(outcome(() -> reversed(model.recentOrders(Integer.MAX_VALUE, 0))));
        assertThat(outcome(memory::allRiskDecisions))
                .as("allRiskDecisions %s", when)
                .isEqualTo(outcome(() -> reversed(model.recentRiskDecisions(Integer.MAX_VALUE))));
        assertThat(outcome(memory::allSafetyEvents))
                .as("allSafetyEvents %s", when)
                .isEqualTo(outcome(() -> reversed(model.recentSafetyEvents(Integer.MAX_VALUE))));
    }

    /** Every read of the port, over every id, key and filter the calls can produce. */
    private static Map<String, Function<StateStore, Object>> queries() {
        Map<String, Function<StateStore, Object>> q = new LinkedHashMap<>();
        for (String id : StoreCalls.INTENT_IDS) {
            q.put("findIntent " + id, s -> s.findIntent(id));
        }
        List<Set<IntentState>> stateSets = new ArrayList<>();
        stateSets.add(EnumSet.allOf(IntentState.class));
        stateSets.add(EnumSet.of(IntentState.SUBMITTING, IntentState.UNKNOWN));
        stateSets.add(Set.of());
        EnumSet.allOf(IntentState.class).forEach(state -> stateSets.add(EnumSet.of(state)));
        for (Set<IntentState> states : stateSets) {
            q.put("intentsIn " + states, s -> s.intentsIn(states));
        }
        for (int quarter = -5; quarter <= 21; quarter++) {
            long ms = 250L * quarter;
            q.put("countSubmittedIntentsSince +" + ms, s -> s.countSubmittedIntentsSince(T0.plusMillis(ms)));
            q.put(
                    "countSubmittedIntentsSince +" + ms + ".5",
                    s -> s.countSubmittedIntentsSince(T0.plusMillis(ms).plusNanos(500_000)));
        }
        for (String id : StoreCalls.CLIENT_ORDER_IDS) {
            q.put("findOrder " + id, s -> s.findOrder(id));
        }
        q.put("openOrders", StateStore::openOrders);
        for (int[] page : new int[][] {{100, 0}, {0, 0}, {2, 0}, {2, 1}, {3, 2}, {1, 10}}) {
            q.put("recentOrders " + page[0] + "/" + page[1], s -> s.recentOrders(page[0], page[1]));
        }
        q.put("allFills", StateStore::allFills);
        q.put("orderCount", StateStore::orderCount);
        q.put("latestAccountSnapshot", StateStore::latestAccountSnapshot);
        for (int points : new int[] {1, 2, 3, 7, 1000, 0}) {
            q.put("equityHistory " + points, s -> s.equityHistory(points));
        }
        q.put("lastTicks", StateStore::lastTicks);
        for (int limit : new int[] {100, 2, 0}) {
            q.put("recentRiskDecisions " + limit, s -> s.recentRiskDecisions(limit));
            q.put("recentSafetyEvents " + limit, s -> s.recentSafetyEvents(limit));
            q.put("recentEvents all " + limit, s -> s.recentEvents(null, limit));
            for (String type : StoreCalls.EVENT_TYPES) {
                q.put("recentEvents " + type + " " + limit, s -> s.recentEvents(type, limit));
            }
        }
        List<String> kinds = new ArrayList<>(StoreCalls.DECISION_KINDS);
        kinds.add(null);
        List<Symbol> symbols = new ArrayList<>(StoreCalls.SYMBOLS);
        symbols.add(null);
        for (String kind : kinds) {
            for (Symbol symbol : symbols) {
                q.put("recentDecisions " + kind + " " + symbol, s -> s.recentDecisions(kind, symbol, 100));
                q.put("recentDecisions " + kind + " " + symbol + " 1", s -> s.recentDecisions(kind, symbol, 1));
            }
        }
        for (var day : StoreCalls.DAYS) {
            q.put("dayStartEquity " + day, s -> s.dayStartEquity(day));
        }
        q.put("firstDayStartEquity", StateStore::firstDayStartEquity);
        for (String key : StoreCalls.META_KEYS) {
            q.put("meta " + key, s -> s.meta(key));
        }
        return q;
    }

    /** A value, or the type and message of what was thrown. */
    private record Outcome(Object value, String failure) {}

    private static Outcome outcome(Supplier<Object> call) {
        try {
            return new Outcome(call.get(), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** The database files of the try (SQLite removes its -wal and -shm files itself when it closes). */
    private static void deleteUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
