package io.cointrader.sim;

import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.BOB;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Side;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.sim.SimFixtures.TestAccount;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final int TASKS = 240;
    private static final BigDecimal INITIAL = new BigDecimal(SimFixtures.INITIAL_KRW);

    private final ReplayClock clock = new ReplayClock(T0);
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, Queue<String>> placed = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private UpbitSimulator simulator;
    private SimClient client;

    @BeforeEach
    void start() {
        simulator = new UpbitSimulator(SimFixtures.config(clock).build()).start();
        client = new SimClient(simulator.baseUrl());
        placed.put(ALICE.accessKey(), new ConcurrentLinkedQueue<>());
        placed.put(BOB.accessKey(), new ConcurrentLinkedQueue<>());
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        simulator.stop();
    }

    @Test
    void parallelOrdersCancelsAndFillsConserveEveryAccountsMoney() throws Exception {
        buyEthForBoth();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            int n = i;
            tasks.add(() -> randomAction(n));
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(tasks)) {
            statuses.add(result.get());
        }
        // half an hour of steps: each fills up to 0.1 ETH a side, more than all asks together, so every
        // ask still open fills whichever way the tasks interleaved with the clock
        clock.advance(Duration.ofMinutes(30));
        simulator.match();

        assertThat(statuses).doesNotContain(500, 401);
        assertThat(simulator.state().trades(ALICE.accessKey()))
                .extracting(SimTrade::side)
                .contains(Side.BUY, Side.SELL);
        int ordersInState = simulator.state().orders(ALICE.accessKey()).size()
                + simulator.state().orders(BOB.accessKey()).size();
        assertThat(ordersInState).isEqualTo(created.get());
        for (TestAccount account : List.of(ALICE, BOB)) {
            assertConserved(account);
            assertHttpAgreesWithState(account);
        }
    }

    /** 0.5 ETH each, so that sells can succeed from the start. */
    private void buyEthForBoth() {
        assertThat(client.placeLimit(ALICE, "KRW-ETH", "bid", "0.5", "5000000", "seed-a")
                        .statusCode())
                .isEqualTo(201);
        assertThat(client.placeLimit(BOB, "KRW-ETH", "bid", "0.5", "5000000", "seed-b")
                        .statusCode())
                .isEqualTo(201);
        created.addAndGet(2);
        clock.advance(Duration.ofMinutes(10));
        simulator.match();
        assertThat(simulator.state().balance(BOB.accessKey(), "ETH").balance()).isEqualByComparingTo("0.5");
    }

    private int randomAction(int n) {
        Random random = new Random(n);
        TestAccount account = n % 2 == 0 ? ALICE : BOB;
        int kind = random.nextInt(10);
        HttpResponse<String> response;
        if (kind < 4) {
            String price = random.nextBoolean() ? "5000000" : "4999000";
            response = client.placeLimit(account, "KRW-ETH", "bid", "0.0" + (1 + random.nextInt(9)), price, "o-" + n);
        } else if (kind < 6) {
            response =
                    client.placeLimit(account, "KRW-ETH", "ask", "0.0" + (1 + random.nextInt(5)), "5000000", "o-" + n);
        } else if (kind < 7) {
            response = client.placeLimit(
                    account, "KRW-BTC", "bid", "0.00" + (1 + random.nextInt(9)), "99600000", "o-" + n);
        } else if (kind < 8) {
            String uuid = placed.get(account.accessKey()).poll();
            response = uuid == null
                    ? client.signedGet(account, "/v1/accounts")
                    : client.signedDelete(account, "/v1/order", "uuid", uuid);
        } else if (kind < 9) {
            response = client.signedGet(account, "/v1/orders/open", "market", "KRW-ETH");
        } else {
            clock.advance(Duration.ofMinutes(1));
            response = client.signedGet(account, "/v1/accounts");
        }
        if (response.statusCode() == 201) {
            created.incrementAndGet();
            placed.get(account.accessKey()).add(json(response).get("uuid").asText());
        }
        return response.statusCode();
    }

    /** KRW and coins held = what came in minus what went out, and locked = what open orders hold. */
    private void assertConserved(TestAccount account) {
        String key = account.accessKey();
        BigDecimal krw = INITIAL;
        Map<String, BigDecimal> coins = new ConcurrentHashMap<>();
        for (SimTrade t : simulator.state().trades(key)) {
            String base = t.symbol().base();
            if (t.side() == Side.BUY) {
                krw = krw.subtract(t.funds()).subtract(t.fee());
                coins.merge(base, t.volume(), BigDecimal::add);
            } else {
                krw = krw.add(t.funds()).subtract(t.fee());
                coins.merge(base, t.volume().negate(), BigDecimal::add);
            }
        }
        BigDecimal krwLocked = BigDecimal.ZERO;
        Map<String, BigDecimal> coinsLocked = new ConcurrentHashMap<>();
        for (SimOrder o : simulator.state().orders(key)) {
            BigDecimal traded = o.trades().stream().map(SimTrade::volume).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(o.executedVolume()).isEqualByComparingTo(traded);
            assertThat(o.executedVolume()).isLessThanOrEqualTo(o.volume());
            if (o.state().equals("wait") && o.side() == Side.BUY) {
                krwLocked = krwLocked.add(o.locked());
            } else if (o.state().equals("wait")) {
                coinsLocked.merge(o.symbol().base(), o.locked(), BigDecimal::add);
            }
        }
        SimBalance krwBalance = simulator.state().balance(key, "KRW");
        assertThat(krwBalance.total()).isEqualByComparingTo(krw);
        assertThat(krwBalance.locked()).isEqualByComparingTo(krwLocked);
        assertThat(krwBalance.balance()).isNotNegative();
        for (String coin : List.of("ETH", "BTC")) {
            SimBalance held = simulator.state().balance(key, coin);
            assertThat(held.total()).as(coin).isEqualByComparingTo(coins.getOrDefault(coin, BigDecimal.ZERO));
            assertThat(held.locked()).as(coin).isEqualByComparingTo(coinsLocked.getOrDefault(coin, BigDecimal.ZERO));
            assertThat(held.balance()).as(coin).isNotNegative();
        }
    }

    private void assertHttpAgreesWithState(TestAccount account) {
        JsonNode accounts = json(client.signedGet(account, "/v1/accounts"));
        for (JsonNode entry : accounts) {
            SimBalance state = simulator
                    .state()
                    .balance(account.accessKey(), entry.get("currency").asText());
            assertThat(new BigDecimal(entry.get("balance").asText())).isEqualByComparingTo(state.balance());
            assertThat(new BigDecimal(entry.get("locked").asText())).isEqualByComparingTo(state.locked());
        }
    }
}
