package io.cointrader.state;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account's bookkeeping in memory: the newest account snapshot in full and the equity of every
 * one, the newest tick of each symbol, day-start equities and the meta settings. Values are in
 * {@link StorageForm}. Not thread-safe.
 */
final class MemoryAccount {

    private AccountSnapshot latest;
    private long[] equityTimes = new long[16];
    private final List<BigDecimal> equities = new ArrayList<>();
    private long firstEquityTime = Long.MAX_VALUE;
    private long lastEquityTime = Long.MIN_VALUE;

    private final Map<String, TickRecord> ticks = new TreeMap<>();
    private final TreeMap<String, BigDecimal> dayStartEquity = new TreeMap<>();
    private final Map<String, String> meta = new HashMap<>();

    /**
     * Keeps the snapshot as the SQLite store reads it back: the balances keyed by their currency and
     * stamped with the snapshot's time, the positions in the order given.
     */
    void saveAccountSnapshot(AccountSnapshot s) {
        Instant time = StorageForm.time(s.time());
        if (!s.balances().balances().isEmpty()) {
            StorageForm.time(s.balances().time());
        }
        Map<String, Balance> balances = new LinkedHashMap<>();
        for (Balance b : s.balances().balances().values()) {
            balances.put(b.currency(), StorageForm.balance(b));
        }
        List<Position> positions =
                s.positions().stream().map(StorageForm::position).toList();
        BigDecimal equity = StorageForm.money(s.equity());
        latest = new AccountSnapshot(new BalanceSnapshot(balances, time), positions, equity, time);
        addEquity(time.toEpochMilli(), equity);
    }

    Optional<AccountSnapshot> latestAccountSnapshot() {
        return Optional.ofNullable(latest);
    }

    /**
     * The SQLite store's thinning: the span from the first to the last snapshot time is cut into
     * {@code maxPoints} equal buckets, the last-saved snapshot of each bucket is kept, and the result is
     * in time order (ties in the order saved).
     */
    List<EquityPoint> equityHistory(int maxPoints) {
        if (maxPoints <= 0) {
            throw new IllegalArgumentException("maxPoints must be positive");
        }
        int count = equities.size();
        if (count == 0) {
            return List.of();
        }
        long span = lastEquityTime - firstEquityTime;
        long bucket = Math.max(1, (span + maxPoints - 1) / maxPoints);
        Map<Long, Integer> lastInBucket = new HashMap<>();
        for (int i = 0; i < count; i++) {
            lastInBucket.put((equityTimes[i] - firstEquityTime) / bucket, i);
        }
        Integer[] kept = lastInBucket.values().toArray(new Integer[0]);
        Arrays.sort(kept, this::compareEquity);
        List<EquityPoint> points = new ArrayList<>(kept.length);
        for (int i : kept) {
            points.add(new EquityPoint(Instant.ofEpochMilli(equityTimes[i]), equities.get(i)));
        }
        return List.copyOf(points);
    }

    void recordTick(TickRecord tick) {
        TickRecord stored = StorageForm.tick(tick);
        ticks.put(stored.symbol().toString(), stored);
    }

    /** By symbol text ({@code BASE/QUOTE} is ASCII, so String order is the SQLite order). */
    List<TickRecord> lastTicks() {
        return List.copyOf(ticks.values());
    }

    Optional<BigDecimal> dayStartEquity(LocalDate day) {
        return Optional.ofNullable(dayStartEquity.get(day.toString()));
    }

    BigDecimal recordDayStartEquity(LocalDate day, BigDecimal equity) {
        return dayStartEquity.computeIfAbsent(day.toString(), d -> StorageForm.money(equity));
    }

    /** The first day in text order, as {@code ORDER BY day} sorts the stored {@code yyyy-MM-dd} text. */
    Optional<BigDecimal> firstDayStartEquity() {
        return dayStartEquity.isEmpty()
                ? Optional.empty()
                : Optional.of(dayStartEquity.firstEntry().getValue());
    }

    Optional<String> meta(String key) {
        return Optional.ofNullable(meta.get(key));
    }

    void putMeta(String key, String value) {
        meta.put(key, value);
    }

    private void addEquity(long timeMs, BigDecimal equity) {
        int count = equities.size();
        if (count == equityTimes.length) {
            equityTimes = Arrays.copyOf(equityTimes, count * 2);
        }
        equityTimes[count] = timeMs;
        equities.add(equity);
        firstEquityTime = Math.min(firstEquityTime, timeMs);
        lastEquityTime = Math.max(lastEquityTime, timeMs);
    }

    private int compareEquity(Integer a, Integer b) {
        int byTime = Long.compare(equityTimes[a], equityTimes[b]);
        return byTime != 0 ? byTime : Integer.compare(a, b);
    }
}
