package io.cointrader.sim;

import static io.cointrader.sim.SimClient.errorName;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/api_keys} and the expiry of simulated keys. */
class ApiKeysEndpointTest {

    private final ReplayClock market = new ReplayClock(SimFixtures.T0.plus(Duration.ofMinutes(5)));
    private final MutableClock wall = new MutableClock(Instant.parse("2026-12-07T03:00:00Z"));
    private UpbitSimulator simulator;
    private SimClient client;

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void listsTheCallersKeyExpiringAYearAfterTheSimulatorStarted() throws Exception {
        start(SimulatorConfig.DEFAULT_KEY_LIFETIME);

        HttpResponse<String> alice = client.signedGet(ALICE, "/v1/api_keys");
        HttpResponse<String> bob = client.signedGet(BOB, "/v1/api_keys");

        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(alice.headers().firstValue("Remaining-Req"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("group=default;"));
        JsonNode list = new ObjectMapper().readTree(alice.body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("access_key").asText()).isEqualTo(ALICE.accessKey());
        assertThat(list.get(0).get("expire_at").asText()).isEqualTo("2027-12-07T12:00:00+09:00");
        assertThat(bob.body()).contains(BOB.accessKey()).doesNotContain(ALICE.accessKey());
    }

    @Test
    void needsAValidToken() {
        start(SimulatorConfig.DEFAULT_KEY_LIFETIME);

        HttpResponse<String> response = client.send("GET", "/v1/api_keys", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorName(response)).isEqualTo("no_authorization_token");
    }

    @Test
    void anExpiredKeyIsRefusedWithExpiredAccessKey() {
        start(Duration.ofDays(3));

        int before = client.signedGet(ALICE, "/v1/accounts").statusCode();
        wall.advance(Duration.ofDays(3));
        HttpResponse<String> after = client.signedGet(ALICE, "/v1/accounts");
        HttpResponse<String> list = client.signedGet(ALICE, "/v1/api_keys");

        assertThat(before).isEqualTo(200);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(errorName(after)).isEqualTo("expired_access_key");
        assertThat(list.statusCode()).isEqualTo(401);
    }

    private void start(Duration keyLifetime) {
        simulator = new UpbitSimulator(SimFixtures.config(market)
                        .wallClock(wall)
                        .keyLifetime(keyLifetime)
                        .build())
                .start();
        client = new SimClient(simulator.baseUrl());
    }
}
