package io.cointrader.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The O(log n) count agrees with counting every row, whatever order the times arrive in. */
class CreationTimeIndexProperties {

    /** Positive: add a row at that time (odd: counted). Negative: flip the counted flag of row -step. */
    @Property(tries = 300)
    void countsAsAFullScanWould(@ForAll("steps") List<Integer> steps) {
        CreationTimeIndex index = new CreationTimeIndex();
        List<CreationTimeIndex.Slot> slots = new ArrayList<>();
        List<long[]> rows = new ArrayList<>(); // {time, counted}
        for (int step : steps) {
            if (step >= 0) {
                boolean counted = step % 2 == 1;
                slots.add(index.add(step / 2, counted));
                rows.add(new long[] {step / 2, counted ? 1 : 0});
            } else if (!rows.isEmpty()) {
                int row = -step % rows.size();
                rows.get(row)[1] = 1 - rows.get(row)[1];
                index.setCounted(slots.get(row), rows.get(row)[1] == 1);
            }
            for (long since = -1; since <= 41; since++) {
                assertThat(index.countFrom(since)).as("since %d", since).isEqualTo(scan(rows, since));
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> steps() {
        return Arbitraries.integers().between(-200, 80).list().ofMaxSize(120);
    }

    private static int scan(List<long[]> rows, long since) {
        return (int) rows.stream().filter(r -> r[0] >= since && r[1] == 1).count();
    }
}
