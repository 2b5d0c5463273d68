package io.cointrader.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Fill;
import io.cointrader.core.MarketData;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AccountBalance;
import io.cointrader.exchange.ApiKeyInfo;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.OrderChance;
import io.cointrader.exchange.OrderRequest;
import io.cointrader.exchange.PrivateExchange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveBrokerTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    private static final BigDecimal PRICE = new BigDecimal("100000000");

    private final FakePrivateExchange exchange = new FakePrivateExchange();
    private final LiveBroker broker =
            new LiveBroker(exchange, "KRW", Clock.fixed(T0, ZoneOffset.UTC), List.of(), List.of());

    private static OrderIntent buy() {
        return new OrderIntent(
                "i1", "t", BTC, Side.BUY, OrderType.LIMIT, PRICE, new BigDecimal("0.003"), "t", T0, false);
    }

    private static MarketData market() {
        return new MarketData(BTC, PRICE, PRICE, PRICE, PRICE, BigDecimal.ONE, PRICE, PRICE, PRICE, T0);
    }

    private static ExchangeOrder order(
            String state, String executed, String paidFee, List<ExchangeOrder.Trade> trades) {
        return new ExchangeOrder(
                "uuid-1",
                "c1",
                BTC,
                Side.BUY,
                "limit",
                PRICE,
                state,
                new BigDecimal("0.003"),
                new BigDecimal("0.003").subtract(new BigDecimal(executed)),
                new BigDecimal(executed),
                new BigDecimal(paidFee),
                T0,
                trades);
    }

    private static ExchangeOrder.Trade trade(String id, String volume) {
        BigDecimal v = new BigDecimal(volume);
        return new ExchangeOrder.Trade(id, PRICE, v, PRICE.multiply(v), T0);
    }

    @Test
    void placesALimitOrderCarryingTheClientOrderIdAsIdentifier() {
        exchange.next = order("wait", "0", "0", List.of());

        OrderUpdate update = broker.place(buy(), "c1");

        assertThat(exchange.placed).singleElement().satisfies(r -> {
            assertThat(r.identifier()).isEqualTo("c1");
            assertThat(r.price()).isEqualByComparingTo(PRICE);
            assertThat(r.volume()).isEqualByComparingTo("0.003");
        });
        assertThat(update.order().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(update.order().exchangeOrderId()).isEqualTo("uuid-1");
    }

    @Test
    void followsPartialFillsByTradeIdAndFeesAddUpToWhatTheExchangeCharged() {
        exchange.next = order("wait", "0", "0", List.of());
        broker.place(buy(), "c1");

        exchange.byIdentifier.put("c1", order("wait", "0.001", "50", List.of(trade("t1", "0.001"))));
        List<OrderUpdate> first = broker.refresh(market());
        exchange.byIdentifier.put(
                "c1", order("done", "0.003", "150", List.of(trade("t1", "0.001"), trade("t2", "0.002"))));
        List<OrderUpdate> second = broker.refresh(market());
        List<OrderUpdate> third = broker.refresh(market());

        assertThat(first).singleElement().satisfies(u -> {
            assertThat(u.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(u.fills()).extracting(Fill::fillId).containsExactly("t1");
        });
        assertThat(second).singleElement().satisfies(u -> {
            assertThat(u.order().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(u.fills()).extracting(Fill::fillId).containsExactly("t2");
        });
        BigDecimal fees = first.get(0)
                .fills()
                .get(0)
                .fee()
                .add(second.get(0).fills().get(0).fee());
        assertThat(fees).isEqualByComparingTo("150");
        assertThat(third).as("a filled order is no longer followed").isEmpty();
    }

    @Test
    void lookupFindsAnOrderWhoseAnswerWasLostAndReportsAllItsTrades() {
        exchange.byIdentifier.put("c9", order("done", "0.003", "150", List.of(trade("t1", "0.003"))));

        Optional<OrderUpdate> found = broker.lookup("c9");

        assertThat(found).hasValueSatisfying(u -> {
            assertThat(u.order().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(u.fills()).singleElement().satisfies(f -> assertThat(f.fee())
                    .isEqualByComparingTo("150"));
        });
        assertThat(broker.lookup("missing")).isEmpty();
    }

    @Test
    void fillsAlreadyInTheDatabaseAreNotReportedAgainAfterARestart() {
        Fill known =
                new Fill("t1", "c1", BTC, Side.BUY, PRICE, new BigDecimal("0.001"), new BigDecimal("50"), "KRW", T0);
        var open = order("wait", "0.001", "50", List.of());
        LiveBroker restarted = new LiveBroker(
                exchange,
                "KRW",
                Clock.fixed(T0, ZoneOffset.UTC),
                List.of(io.cointrader.broker.ExchangeOrders.toOrder(open, "c1", "i1", T0)),
                List.of(known));
        exchange.byIdentifier.put(
                "c1", order("done", "0.003", "150", List.of(trade("t1", "0.001"), trade("t2", "0.002"))));

        List<OrderUpdate> updates = restarted.refresh(market());

        assertThat(updates).singleElement().satisfies(u -> {
            assertThat(u.fills()).extracting(Fill::fillId).containsExactly("t2");
            assertThat(u.fills().get(0).fee()).isEqualByComparingTo("100");
        });
    }

    @Test
    void fillsOfAnUpdateTheDatabaseCouldNotRecordAreReportedAgain() {
        exchange.next = order("wait", "0", "0", List.of());
        broker.place(buy(), "c1");
        exchange.byIdentifier.put("c1", order("done", "0.003", "150", List.of(trade("t1", "0.003"))));
        OrderUpdate refused = broker.refresh(market()).get(0);

        broker.unrecorded(refused);
        List<OrderUpdate> again = broker.refresh(market());

        assertThat(again).singleElement().satisfies(u -> {
            assertThat(u.order().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(u.fills()).extracting(Fill::fillId).containsExactly("t1");
            assertThat(u.fills().get(0).fee()).isEqualByComparingTo("150");
        });
        assertThat(broker.refresh(market())).as("reported once it is recorded").isEmpty();
    }

    @Test
    void balancesAreTheExchangesAndPositionsOnlyWhatTheTradersFillsBought() {
        exchange.accounts = List.of(
                new AccountBalance("KRW", new BigDecimal("500000"), new BigDecimal("1000"), BigDecimal.ZERO, "KRW"),
                new AccountBalance("BTC", new BigDecimal("0.502"), new BigDecimal("0.001"), PRICE, "KRW"));
        exchange.next = order("wait", "0", "0", List.of());
        broker.place(buy(), "c1");
        exchange.byIdentifier.put("c1", order("done", "0.003", "150", List.of(trade("t1", "0.003"))));
        broker.refresh(market());

        assertThat(broker.balances().of("KRW").total()).isEqualByComparingTo("501000");
        assertThat(broker.balances().of("BTC").total()).isEqualByComparingTo("0.503");
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo(BTC);
            assertThat(p.quantity())
                    .as("0.5 BTC bought by hand are not the trader's")
                    .isEqualByComparingTo("0.003");
        });
        assertThat(broker.sellable(BTC)).isEqualByComparingTo("0.003");
    }

    @Test
    void coinsTheTraderNeverBoughtAreNoPosition() {
        exchange.accounts = List.of(
                new AccountBalance("KRW", new BigDecimal("500000"), BigDecimal.ZERO, BigDecimal.ZERO, "KRW"),
                new AccountBalance("BTC", new BigDecimal("0.5"), BigDecimal.ZERO, PRICE, "KRW"));

        assertThat(broker.positions()).isEmpty();
        assertThat(broker.sellable(BTC)).isZero();
    }

    @Test
    void thePositionNeverExceedsWhatTheExchangeHolds() {
        exchange.next = order("wait", "0", "0", List.of());
        broker.place(buy(), "c1");
        exchange.byIdentifier.put("c1", order("done", "0.003", "150", List.of(trade("t1", "0.003"))));
        broker.refresh(market());
        exchange.accounts = List.of(
                new AccountBalance("KRW", new BigDecimal("500000"), BigDecimal.ZERO, BigDecimal.ZERO, "KRW"),
                new AccountBalance("BTC", new BigDecimal("0.001"), BigDecimal.ZERO, PRICE, "KRW"));

        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity())
                .as("sold by hand meanwhile")
                .isEqualByComparingTo("0.001"));
        assertThat(broker.sellable(BTC)).isEqualByComparingTo("0.001");
    }

    @Test
    void fillsTakenBackNoLongerCountAsTheTradersHoldings() {
        exchange.accounts = List.of(
                new AccountBalance("KRW", new BigDecimal("500000"), BigDecimal.ZERO, BigDecimal.ZERO, "KRW"),
                new AccountBalance("BTC", new BigDecimal("0.003"), BigDecimal.ZERO, PRICE, "KRW"));
        exchange.next = order("wait", "0", "0", List.of());
        broker.place(buy(), "c1");
        exchange.byIdentifier.put("c1", order("done", "0.003", "150", List.of(trade("t1", "0.003"))));
        broker.unrecorded(broker.refresh(market()).get(0));

        assertThat(broker.positions()).isEmpty();
        broker.refresh(market());
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity())
                .isEqualByComparingTo("0.003"));
    }

    /** Scripted private API. */
    static final class FakePrivateExchange implements PrivateExchange {
        final List<OrderRequest> placed = new ArrayList<>();
        final Map<String, ExchangeOrder> byIdentifier = new HashMap<>();
        ExchangeOrder next;
        List<AccountBalance> accounts = List.of();

        @Override
        public List<AccountBalance> accounts() {
            return accounts;
        }

        @Override
        public OrderChance chance(Symbol symbol) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ExchangeOrder placeOrder(OrderRequest request) {
            placed.add(request);
            byIdentifier.put(request.identifier(), next);
            return next;
        }

        @Override
        public Optional<ExchangeOrder> orderByIdentifier(String identifier) {
            return Optional.ofNullable(byIdentifier.get(identifier));
        }

        @Override
        public Optional<ExchangeOrder> orderByUuid(String uuid) {
            return byIdentifier.values().stream()
                    .filter(o -> o.uuid().equals(uuid))
                    .findFirst();
        }

        @Override
        public List<ExchangeOrder> openOrders(Symbol symbol) {
            return byIdentifier.values().stream().filter(ExchangeOrder::isOpen).toList();
        }

        @Override
        public List<ExchangeOrder> allOpenOrders() {
            return byIdentifier.values().stream().filter(ExchangeOrder::isOpen).toList();
        }

        @Override
        public List<ExchangeOrder> closedOrders(Instant from, Instant to) {
            return byIdentifier.values().stream().filter(o -> !o.isOpen()).toList();
        }

        @Override
        public ExchangeOrder cancelByIdentifier(String identifier) {
            return byIdentifier.get(identifier);
        }

        @Override
        public List<ApiKeyInfo> apiKeys() {
            return List.of();
        }
    }
}
