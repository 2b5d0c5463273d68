package io.cointrader.state;

import java.util.Arrays;

/**
 * Creation times (epoch milliseconds) of rows, each counted or not, answering "how many counted rows
 * were created at or after t" in O(log n): the times are kept sorted, and a Fenwick tree over those
 * positions sums the counted flags. Changing a flag is O(log n); adding a time no earlier than every
 * other is O(log n), an earlier one is inserted in place and costs O(n). Not thread-safe.
 */
final class CreationTimeIndex {

    /** The position of one row; it moves when an earlier time is inserted before it. */
    static final class Slot {
        private int index;
        private boolean counted;
    }

    private long[] times = new long[16];
    private Slot[] slots = new Slot[16];
    private int[] tree = new int[17]; // 1-based Fenwick tree over the counted flags
    private int size;

    Slot add(long timeMs, boolean counted) {
        if (size == times.length) {
            grow();
        }
        Slot slot = new Slot();
        slot.counted = counted;
        if (size == 0 || timeMs >= times[size - 1]) {
            slot.index = size;
            times[size] = timeMs;
            slots[size] = slot;
            size++;
            appendToTree(counted ? 1 : 0);
        } else {
            insertEarlier(slot, timeMs);
        }
        return slot;
    }

    void setCounted(Slot slot, boolean counted) {
        if (slot.counted == counted) {
            return;
        }
        slot.counted = counted;
        int delta = counted ? 1 : -1;
        for (int i = slot.index + 1; i <= size; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** Counted rows created at or after {@code timeMs}. */
    int countFrom(long timeMs) {
        return countBefore(size) - countBefore(firstAtOrAfter(timeMs));
    }

    /** Counted rows among the first {@code n} positions. */
    private int countBefore(int n) {
        int sum = 0;
        for (int i = n; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    /** Node {@code i} of the tree covers positions (i - lowbit(i), i]; the new last one is built from prefixes. */
    private void appendToTree(int value) {
        int i = size;
        tree[i] = value + countBefore(i - 1) - countBefore(i - (i & -i));
    }

    private void insertEarlier(Slot slot, long timeMs) {
        int at = firstAtOrAfter(timeMs);
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(slots, at, slots, at + 1, size - at);
        times[at] = timeMs;
        slots[at] = slot;
        size++;
        for (int i = at; i < size; i++) {
            slots[i].index = i;
        }
        rebuildTree();
    }

    private void rebuildTree() {
        Arrays.fill(tree, 0);
        for (int i = 1; i <= size; i++) {
            tree[i] += slots[i - 1].counted ? 1 : 0;
            int parent = i + (i & -i);
            if (parent <= size) {
                tree[parent] += tree[i];
            }
        }
    }

    private int firstAtOrAfter(long timeMs) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] < timeMs) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        slots = Arrays.copyOf(slots, capacity);
        tree = Arrays.copyOf(tree, capacity + 1);
    }
}
