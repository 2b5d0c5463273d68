package io.cointrader.state;

import static io.cointrader.state.StateFixtures.BTC;
import static io.cointrader.state.StateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/** Money goes into SQLite as text and comes back with the same value and the same scale. */
class MoneyRoundTripProperties {

    private static final BigInteger LARGEST_UNSCALED = BigInteger.TEN.pow(24);

    private Path dir;
    private SqliteStateStore store;
    private int tries;

    @BeforeProperty
    void openStore() throws IOException {
        dir = Files.createTempDirectory("money-round-trip");
        store = SqliteStateStore.open(dir.resolve("state.db"));
    }

    @AfterProperty
    void closeStore() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 300)
    void anyAmountKeepsValueAndScale(@ForAll("money") BigDecimal amount) {
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(tries++);

        store.recordDayStartEquity(day, amount, T0);

        BigDecimal stored = store.dayStartEquity(day).orElseThrow();
        assertThat(stored).isEqualByComparingTo(amount);
        assertThat(stored.scale()).isEqualTo(amount.scale());
    }

    @Property(tries = 100)
    void orderAndFillAmountsKeepValueAndScale(@ForAll("positiveAmounts") List<BigDecimal> amounts) {
        String clientOrderId = "c-" + tries++;
        BigDecimal first = amounts.get(0);
        Order order = new Order(
                clientOrderId,
                null,
                "i",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                first,
                first,
                first,
                OrderStatus.FILLED,
                null,
                T0,
                T0);
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal a = amounts.get(i);
            fills.add(
                    new Fill(clientOrderId + "-f" + i, clientOrderId, BTC, Side.BUY, a, a, a, "KRW", T0.plusMillis(i)));
        }

        store.recordOrderUpdate(order, fills, null);

        Order stored = store.findOrder(clientOrderId).orElseThrow();
        assertSameMoney(stored.price(), first);
        assertSameMoney(stored.quantity(), first);
        assertSameMoney(stored.filledQuantity(), first);
        List<Fill> storedFills = store.allFills().stream()
                .filter(f -> f.clientOrderId().equals(clientOrderId))
                .toList();
        assertThat(storedFills).hasSameSizeAs(amounts);
        for (int i = 0; i < amounts.size(); i++) {
            assertSameMoney(storedFills.get(i).price(), amounts.get(i));
            assertSameMoney(storedFills.get(i).quantity(), amounts.get(i));
            assertSameMoney(storedFills.get(i).fee(), amounts.get(i));
        }
    }

    @Example
    void trailingZerosSurvive() {
        BigDecimal amount = new BigDecimal("0.00012300");

        BigDecimal stored = store.recordDayStartEquity(LocalDate.of(1999, 1, 1), amount, T0);

        assertThat(stored.toPlainString()).isEqualTo("0.00012300");
        assertThat(store.dayStartEquity(LocalDate.of(1999, 1, 1))).contains(amount);
    }

    @Provide
    Arbitrary<BigDecimal> money() {
        Arbitrary<BigDecimal> generated = Combinators.combine(
                        Arbitraries.bigIntegers().between(LARGEST_UNSCALED.negate(), LARGEST_UNSCALED),
                        Arbitraries.integers().between(0, 12))
                .as(BigDecimal::new);
        return Arbitraries.frequencyOf(
                Tuple.of(9, generated),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                new BigDecimal("0.00012300"),
                                new BigDecimal("0.000000000000"),
                                new BigDecimal("-0.1"))));
    }

    @Provide
    Arbitrary<List<BigDecimal>> positiveAmounts() {
        return Combinators.combine(
                        Arbitraries.bigIntegers().between(BigInteger.ONE, LARGEST_UNSCALED),
                        Arbitraries.integers().between(0, 12))
                .as(BigDecimal::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(20);
    }

    private static void assertSameMoney(BigDecimal actual, BigDecimal expected) {
        assertThat(actual).isEqualByComparingTo(expected);
        assertThat(actual.scale()).isEqualTo(expected.scale());
    }
}
