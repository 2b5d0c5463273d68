package io.cointrader.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Fill;
import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.InsufficientFundsException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperBrokerTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final BigDecimal FEE = new BigDecimal("0.0005");
    private final Clock clock = Clock.fixed(Instant.parse("2025-10-21T10:00:00Z"), ZoneOffset.UTC);

    private PaperBroker broker() {
        return PaperBroker.fresh("KRW", new BigDecimal("1000000"), FEE, clock);
    }

    private static MarketData price(String price) {
        BigDecimal p = new BigDecimal(price);
        return new MarketData(BTC, p, p, p, p, BigDecimal.ONE, p, null, null, Instant.parse("2025-10-21T10:00:00Z"));
    }

    private static OrderIntent limit(String id, Side side, String price, String quantity) {
        return new OrderIntent(
                id,
                "test",
                BTC,
                side,
                OrderType.LIMIT,
                new BigDecimal(price),
                new BigDecimal(quantity),
                "test",
                Instant.parse("2025-10-21T10:00:00Z"),
                false);
    }

    @Test
    void buyLimitAtOrAboveMarketFillsAtOnceAndChargesFee() {
        PaperBroker broker = broker();
        broker.refresh(price("100000000"));

        OrderUpdate update = broker.place(limit("i1", Side.BUY, "100000000", "0.001"), "c1");

        assertThat(update.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(update.fills()).hasSize(1);
        Fill fill = update.fills().get(0);
        assertThat(fill.price()).isEqualByComparingTo("100000000");
        assertThat(fill.fee()).isEqualByComparingTo("50");
        assertThat(broker.balances().of("KRW").free()).isEqualByComparingTo("899950");
        assertThat(broker.balances().of("KRW").locked()).isEqualByComparingTo("0");
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("0.001");
            assertThat(p.averagePrice()).isEqualByComparingTo("100050000");
        });
    }

    @Test
    void buyLimitBelowMarketRestsWithFundsLockedAndFillsWhenPriceCrosses() {
        PaperBroker broker = broker();
        broker.refresh(price("101000000"));

        OrderUpdate placed = broker.place(limit("i1", Side.BUY, "100000000", "0.001"), "c1");

        assertThat(placed.order().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(placed.fills()).isEmpty();
        assertThat(broker.balances().of("KRW").locked()).isEqualByComparingTo("100050");
        assertThat(broker.refresh(price("100500000"))).isEmpty();

        List<OrderUpdate> updates = broker.refresh(price("99900000"));

        assertThat(updates).singleElement().satisfies(u -> {
            assertThat(u.order().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(u.fills()).singleElement().satisfies(f -> assertThat(f.price())
                    .isEqualByComparingTo("100000000"));
        });
        assertThat(broker.balances().of("KRW").free()).isEqualByComparingTo("899950");
        assertThat(broker.balances().of("KRW").locked()).isEqualByComparingTo("0");
    }

    @Test
    void sellCreditsProceedsLessFeeAndClosesPosition() {
        PaperBroker broker = broker();
        broker.refresh(price("100000000"));
        broker.place(limit("i1", Side.BUY, "100000000", "0.001"), "c1");
        broker.refresh(price("110000000"));

        OrderUpdate sold = broker.place(limit("i2", Side.SELL, "110000000", "0.001"), "c2");

        assertThat(sold.order().status()).isEqualTo(OrderStatus.FILLED);
        // 899,950 + 110,000 - 55 fee
        assertThat(broker.balances().of("KRW").free()).isEqualByComparingTo("1009895");
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void rejectsBuyBeyondFreeCashIncludingFee() {
        PaperBroker broker = broker();
        broker.refresh(price("100000000"));

        assertThatThrownBy(() -> broker.place(limit("i1", Side.BUY, "100000000", "0.01"), "c1"))
                .isInstanceOf(InsufficientFundsException.class);
        assertThat(broker.balances().of("KRW").free()).isEqualByComparingTo("1000000");
        assertThat(broker.lookup("c1")).isEmpty();
    }

    @Test
    void rejectsSellOfMoreThanHeld() {
        PaperBroker broker = broker();
        broker.refresh(price("100000000"));

        assertThatThrownBy(() -> broker.place(limit("i1", Side.SELL, "100000000", "0.001"), "c1"))
                .isInstanceOf(InsufficientFundsException.class);
    }

    @Test
    void cancelReleasesLockedCash() {
        PaperBroker broker = broker();
        broker.refresh(price("101000000"));
        broker.place(limit("i1", Side.BUY, "100000000", "0.001"), "c1");

        OrderUpdate cancelled = broker.cancel("c1").orElseThrow();

        assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(broker.balances().of("KRW").free()).isEqualByComparingTo("1000000");
        assertThat(broker.refresh(price("90000000"))).isEmpty();
    }

    @Test
    void restoreFromFillsAndOpenOrdersRebuildsTheSameAccount() {
        PaperBroker broker = broker();
        List<Fill> fills = new ArrayList<>();
        List<Order> open = new ArrayList<>();
        broker.refresh(price("100000000"));
        fills.addAll(
                broker.place(limit("i1", Side.BUY, "100000000", "0.002"), "c1").fills());
        broker.refresh(price("105000000"));
        fills.addAll(broker.place(limit("i2", Side.SELL, "105000000", "0.0005"), "c2")
                .fills());
        open.add(broker.place(limit("i3", Side.BUY, "99000000", "0.001"), "c3").order());
        open.add(
                broker.place(limit("i4", Side.SELL, "120000000", "0.001"), "c4").order());

        PaperBroker restored = PaperBroker.restore("KRW", new BigDecimal("1000000"), FEE, clock, fills, open);

        assertThat(restored.balances())
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(broker.balances());
        assertThat(restored.positions())
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(broker.positions());
        restored.refresh(price("98000000"));
        assertThat(restored.lookup("c3").orElseThrow().order().status()).isEqualTo(OrderStatus.FILLED);
    }
}
