package io.cointrader.sim;

import static io.cointrader.sim.SimClient.errorName;
import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.exchange.replay.ReplayClock;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An account that starts with 0.5 BTC bought at 90,000,000 and 0.00001 ETH of dust. */
class HoldingsTest {

    private final ReplayClock clock = new ReplayClock(T0);
    private UpbitSimulator simulator;
    private SimClient client;

    @BeforeEach
    void start() {
        SimAccount alice = SimAccount.of(ALICE.secret(), SimFixtures.INITIAL_KRW)
                .with(SimHolding.parse("BTC=0.5@90000000"))
                .with(new SimHolding("ETH", new BigDecimal("0.00001"), new BigDecimal("5000000")));
        simulator = new UpbitSimulator(SimFixtures.config(clock)
                        .account(ALICE.accessKey(), alice)
                        .build())
                .start();
        client = new SimClient(simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void accountsReportTheInitialCoinsLikeAnyBalance() {
        JsonNode accounts = json(client.signedGet(ALICE, "/v1/accounts"));

        assertThat(accounts).extracting(a -> a.get("currency").asText()).containsExactly("BTC", "ETH", "KRW");
        assertThat(accounts.get(0).get("balance").asText()).isEqualTo("0.5");
        assertThat(accounts.get(0).get("locked").asText()).isEqualTo("0");
        assertThat(accounts.get(0).get("avg_buy_price").asText()).isEqualTo("90000000");
        assertThat(accounts.get(1).get("balance").asText()).isEqualTo("0.00001");
        assertThat(accounts.get(2).get("balance").asText()).isEqualTo("10000000");
        JsonNode chance = json(client.signedGet(ALICE, "/v1/orders/chance", "market", "KRW-BTC"));
        assertThat(chance.at("/ask_account/balance").asText()).isEqualTo("0.5");
    }

    @Test
    void initialCoinsAreSellableAndTheBooksStayBalanced() {
        assertThat(client.placeLimit(ALICE, "KRW-BTC", "ask", "0.005", "100500000", "sell-some")
                        .statusCode())
                .isEqualTo(201);
        SimBalance locked = simulator.state().balance(ALICE.accessKey(), "BTC");

        clock.set(T0.plus(Duration.ofMinutes(35)));
        simulator.match();

        assertThat(locked.balance()).isEqualByComparingTo("0.495");
        assertThat(locked.locked()).isEqualByComparingTo("0.005");
        SimBalance btc = simulator.state().balance(ALICE.accessKey(), "BTC");
        assertThat(btc.total()).isEqualByComparingTo("0.495");
        assertThat(btc.avgBuyPrice()).isEqualByComparingTo("90000000");
        // 0.005 x 100,500,000 = 502,500 less the 0.05 % fee of 251.25
        assertThat(simulator.state().balance(ALICE.accessKey(), "KRW").total()).isEqualByComparingTo("10502248.75");
    }

    @Test
    void dustBelowTheMinimumOrderIsHeldButCannotBeSold() {
        assertThat(errorName(client.placeLimit(ALICE, "KRW-ETH", "ask", "0.00001", "5000000", "dust")))
                .isEqualTo("under_min_total_ask");
        assertThat(simulator.state().balance(ALICE.accessKey(), "ETH").balance())
                .isEqualByComparingTo("0.00001");
    }

    @Test
    void holdingsAreCheckedWhenMadeOrRead() {
        assertThat(SimHolding.parse(" XRP = 12.5 @ 700 "))
                .isEqualTo(new SimHolding("XRP", new BigDecimal("12.5"), new BigDecimal("700")));
        for (String bad : new String[] {
            "BTC=0.5",
            "BTC=abc@1",
            "btc=0.5@1",
            "KRW=1@1",
            "BTC=0@1",
            "BTC=0.5@-1",
            "BTC=0.123456789@1",
            "BTC=1e30@1",
            "",
            "BTC=1@2@3"
        }) {
            assertThatThrownBy(() -> SimHolding.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        SimAccount once = SimAccount.of("secret", "0").with(SimHolding.parse("BTC=1@1"));
        assertThatThrownBy(() -> once.with(SimHolding.parse("BTC=2@1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two holdings of BTC");
    }
}
