package io.cointrader.state;

import static io.cointrader.state.StateFixtures.T0;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Random writes to a {@link StateStore}, drawn from small pools of ids, times and amounts so that they
 * collide: repeated ids, equal and out-of-order times, sub-millisecond parts, exponents in money, and
 * now and then an argument the store must refuse.
 */
final class StoreCalls {

    /** One call; the same object is applied to every store compared. */
    record Call(String description, Function<StateStore, Object> action) {
        @Override
        public String toString() {
            return description;
        }
    }

    static final List<String> INTENT_IDS = List.of("i0", "i1", "i2", "i3", "ghost");
    static final List<String> CLIENT_ORDER_IDS = List.of("c0", "c1", "c2", "c3");
    static final List<Symbol> SYMBOLS = List.of(Symbol.parse("BTC/KRW"), Symbol.parse("ETH/KRW"));
    static final List<String> EVENT_TYPES = List.of("tick", "order");
    static final List<String> DECISION_KINDS = List.of("strategy", "llm_advice", "risk");
    static final List<LocalDate> DAYS =
            List.of(LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-02"), LocalDate.of(10_000, 1, 1));
    static final List<String> META_KEYS = List.of("a", "b");

    private static final List<String> FILL_IDS = List.of("f0", "f1", "f2", "f3", "f4", "f5");
    private static final List<String> SYMBOL_TEXTS = List.of("BTC/KRW", "btc/krw", "ETH/KRW");

    private final Random random;

    private StoreCalls(long seed) {
        this.random = new Random(seed);
    }

    static Call call(long seed) {
        return new StoreCalls(seed).next();
    }

    private Call next() {
        int pick = random.nextInt(100);
        if (pick < 14) {
            return insertIntent();
        } else if (pick < 24) {
            return updateIntentState();
        } else if (pick < 44) {
            return recordOrderUpdate();
        } else if (pick < 52) {
            return appendEvent();
        } else if (pick < 58) {
            return saveRiskDecision();
        } else if (pick < 65) {
            return saveDecisionEvent();
        } else if (pick < 70) {
            return saveSafetyEvent();
        } else if (pick < 80) {
            return saveAccountSnapshot();
        } else if (pick < 85) {
            return recordTick();
        } else if (pick < 90) {
            return recordDayStartEquity();
        } else if (pick < 94) {
            return putMeta();
        } else if (pick < 99) {
            return saveBalanceOrPositions();
        }
        return new Call("close()", s -> {
            s.close();
            return null;
        });
    }

    private Call insertIntent() {
        OrderType type = pick(OrderType.values());
        OrderIntent intent = new OrderIntent(
                pick(INTENT_IDS),
                "conservative",
                pick(SYMBOLS),
                pick(Side.values()),
                type,
                type == OrderType.LIMIT || random.nextBoolean() ? money(1) : null,
                money(1),
                "reason",
                time(),
                false);
        IntentRecord record = new IntentRecord(intent, pick(CLIENT_ORDER_IDS), pick(IntentState.values()), time());
        return new Call("insertIntent(" + record + ")", s -> s.insertIntent(record));
    }

    private Call updateIntentState() {
        String id = pick(INTENT_IDS);
        IntentState state = pick(IntentState.values());
        Instant at = time();
        return new Call("updateIntentState(" + id + ", " + state + ", " + at + ")", s -> {
            s.updateIntentState(id, state, at);
            return null;
        });
    }

    private Call recordOrderUpdate() {
        String clientOrderId = pick(CLIENT_ORDER_IDS);
        BigDecimal quantity = money(2);
        BigDecimal filled = new BigDecimal(
                BigInteger.valueOf(random.nextInt(quantity.unscaledValue().intValueExact() + 1)), quantity.scale());
        Order order = new Order(
                clientOrderId,
                random.nextBoolean() ? null : "u-" + random.nextInt(2),
                pick(INTENT_IDS),
                pick(SYMBOLS),
                pick(Side.values()),
                pick(OrderType.values()),
                random.nextBoolean() ? money(1) : null,
                quantity,
                filled,
                pick(OrderStatus.values()),
                random.nextBoolean() ? null : "why",
                time(),
                time());
        List<Fill> fills = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            String owner = random.nextInt(15) == 0 ? "other" : clientOrderId;
            fills.add(new Fill(
                    pick(FILL_IDS), owner, order.symbol(), order.side(), money(1), money(1), money(0), "KRW", time()));
        }
        IntentState state = random.nextBoolean() ? null : pick(IntentState.values());
        return new Call("recordOrderUpdate(" + order + ", " + fills + ", " + state + ")", s -> {
            s.recordOrderUpdate(order, fills, state);
            return null;
        });
    }

    private Call appendEvent() {
        String type = pick(EVENT_TYPES);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("n", random.nextInt(10));
        payload.put("price", money(0));
        payload.put("at", time());
        if (random.nextInt(20) == 0) {
            payload.put("opaque", new Object());
        }
        Map<String, Object> given = random.nextInt(15) == 0 ? null : payload;
        Instant time = time();
        return new Call("appendEvent(" + type + ", " + given + ", " + time + ")", s -> {
            s.appendEvent(type, given, time);
            return null;
        });
    }

    private Call saveRiskDecision() {
        RiskDecisionRecord d = new RiskDecisionRecord(
                pick(INTENT_IDS),
                pick(SYMBOLS),
                pick(Side.values()),
                random.nextBoolean() ? money(0) : null,
                pick(RiskDecision.values()),
                random.nextBoolean() ? "ALL" : "POSITION_SIZE",
                "reason",
                time());
        return new Call("saveRiskDecision(" + d + ")", s -> {
            s.saveRiskDecision(d);
            return null;
        });
    }

    private Call saveDecisionEvent() {
        String kind = random.nextInt(10) == 0 ? "risk" : pick(DECISION_KINDS.subList(0, 2));
        String symbol = random.nextInt(4) == 0 ? null : random.nextInt(30) == 0 ? "BTCKRW" : pick(SYMBOL_TEXTS);
        String reason = random.nextBoolean() ? null : "because";
        Map<String, Object> details = random.nextInt(5) == 0 ? null : Map.of("rsi", money(0));
        Instant time = time();
        String description = "saveDecisionEvent(" + kind + ", " + symbol + ", " + reason + ", " + details + ", " + time;
        return new Call(description + ")", s -> {
            s.saveDecisionEvent(kind, symbol, "HOLD", reason, details, time);
            return null;
        });
    }

    private Call saveSafetyEvent() {
        SafetyEvent e = new SafetyEvent(
                pick(SafetyEventType.values()),
                pick(Severity.values()),
                random.nextBoolean() ? null : pick(SYMBOLS),
                "message",
                random.nextBoolean() ? Map.of() : Map.of("k", "v" + random.nextInt(3), "j", "w"),
                time());
        return new Call("saveSafetyEvent(" + e + ")", s -> {
            s.saveSafetyEvent(e);
            return null;
        });
    }

    private Call saveAccountSnapshot() {
        Instant time = time();
        AccountSnapshot snapshot = new AccountSnapshot(balances(), positions(), money(0), time);
        return new Call("saveAccountSnapshot(" + snapshot + ")", s -> {
            s.saveAccountSnapshot(snapshot);
            return null;
        });
    }

    private Call recordTick() {
        TickRecord tick = new TickRecord(
                pick(SYMBOLS),
                time(),
                time(),
                random.nextBoolean() ? "HOLD" : "ORDER",
                random.nextBoolean() ? money(1) : null,
                random.nextBoolean() ? null : "detail");
        return new Call("recordTick(" + tick + ")", s -> {
            s.recordTick(tick);
            return null;
        });
    }

    private Call recordDayStartEquity() {
        LocalDate day = pick(DAYS);
        BigDecimal equity = random.nextBoolean() ? money(0) : money(0).negate();
        Instant at = time();
        return new Call(
                "recordDayStartEquity(" + day + ", " + equity + ", " + at + ")",
                s -> s.recordDayStartEquity(day, equity, at));
    }

    private Call putMeta() {
        String key = pick(META_KEYS);
        String value = "v" + random.nextInt(3);
        return new Call("putMeta(" + key + ", " + value + ")", s -> {
            s.putMeta(key, value);
            return null;
        });
    }

    private Call saveBalanceOrPositions() {
        if (random.nextBoolean()) {
            BalanceSnapshot balances = balances();
            return new Call("saveBalanceSnapshot(" + balances + ")", s -> {
                s.saveBalanceSnapshot(balances);
                return null;
            });
        }
        List<Position> positions = positions();
        Instant time = time();
        return new Call("savePositionsSnapshot(" + positions + ", " + time + ")", s -> {
            s.savePositionsSnapshot(positions, time);
            return null;
        });
    }

    /** Sometimes keyed by another name than the currency, which a reader must key by currency. */
    private BalanceSnapshot balances() {
        Map<String, Balance> balances = new LinkedHashMap<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            String currency = random.nextBoolean() ? "KRW" : "BTC";
            String key = random.nextInt(8) == 0 ? "X" + random.nextInt(2) : currency;
            balances.put(key, new Balance(currency, money(0), money(0)));
        }
        return new BalanceSnapshot(balances, time());
    }

    private List<Position> positions() {
        List<Position> positions = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            positions.add(new Position(pick(SYMBOLS), money(0), money(0)));
        }
        return positions;
    }

    /**
     * Quarter seconds around {@link StateFixtures#T0} (equal times are common), now and then a
     * millisecond or a sub-millisecond part more, rarely a time no store can hold.
     */
    private Instant time() {
        if (random.nextInt(150) == 0) {
            return Instant.MAX;
        }
        Instant time = T0.plusMillis(250L * random.nextInt(-4, 21) + (random.nextInt(4) == 0 ? random.nextInt(3) : 0));
        return random.nextInt(4) == 0 ? time.plusNanos(random.nextInt(1_000_000)) : time;
    }

    /** At least {@code min} (0, 1 or 2) in its smallest unit, with a scale from -3 to 8. */
    private BigDecimal money(int min) {
        return new BigDecimal(BigInteger.valueOf(random.nextInt(min, 100_000)), random.nextInt(-3, 9));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
