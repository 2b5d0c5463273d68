package io.cointrader.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Rows kept in the order {@code ORDER BY time_ms, id}: by time in milliseconds, rows of the same
 * millisecond in the order they were added. Adding a row no older than the newest is O(1) (amortised);
 * an older row is inserted in place, O(n). Not thread-safe.
 */
final class TimeOrderedLog<T> {

    private final List<T> rows = new ArrayList<>();
    private long[] times = new long[16];

    void add(long timeMs, T row) {
        int size = rows.size();
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
        }
        int at = size == 0 || timeMs >= times[size - 1] ? size : firstAfter(timeMs);
        System.arraycopy(times, at, times, at + 1, size - at);
        times[at] = timeMs;
        rows.add(at, row);
    }

    int size() {
        return rows.size();
    }

    /** Every row, oldest first. */
    List<T> all() {
        return List.copyOf(rows);
    }

    /** Newest first: the first {@code skip} rows left out, at most {@code limit}. */
    List<T> newest(int limit, int skip) {
        int end = Math.max(0, rows.size() - skip);
        int start = Math.max(0, end - limit);
        List<T> found = new ArrayList<>(end - start);
        for (int i = end - 1; i >= start; i--) {
            found.add(rows.get(i));
        }
        return List.copyOf(found);
    }

    /**
     * Newest first: the rows that pass {@code filter}, the first {@code skip} of them left out, at most
     * {@code limit}.
     */
    List<T> newest(int limit, int skip, Predicate<? super T> filter) {
        List<T> found = new ArrayList<>(Math.min(limit, 64));
        int skipped = 0;
        for (int i = rows.size() - 1; i >= 0 && found.size() < limit; i--) {
            T row = rows.get(i);
            if (!filter.test(row)) {
                continue;
            }
            if (skipped < skip) {
                skipped++;
            } else {
                found.add(row);
            }
        }
        return List.copyOf(found);
    }

    /** The index of the first row newer than {@code timeMs} (binary search over the sorted times). */
    private int firstAfter(long timeMs) {
        int low = 0;
        int high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= timeMs) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
