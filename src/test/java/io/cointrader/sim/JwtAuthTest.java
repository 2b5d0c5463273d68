package io.cointrader.sim;

import static io.cointrader.sim.SimClient.encodedQuery;
import static io.cointrader.sim.SimClient.errorName;
import static io.cointrader.sim.SimClient.hashSource;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.exchange.replay.ReplayClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwtAuthTest {

    private final ReplayClock clock = new ReplayClock(SimFixtures.T0.plus(Duration.ofMinutes(5)));
    private UpbitSimulator simulator;
    private SimClient client;

    @BeforeEach
    void start() {
        simulator = new UpbitSimulator(SimFixtures.config(clock).build()).start();
        client = new SimClient(simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void acceptsHs512AndHs256Tokens() {
        for (String alg : new String[] {"HS512", "HS256"}) {
            String auth = TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), null), ALICE.secret(), alg);

            HttpResponse<String> response = client.send("GET", "/v1/accounts", null, auth);

            assertThat(response.statusCode()).as(alg).isEqualTo(200);
        }
    }

    @Test
    void rejectsMissingAuthorizationHeader() {
        HttpResponse<String> response = client.send("GET", "/v1/accounts", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorName(response)).isEqualTo("no_authorization_token");
    }

    @Test
    void rejectsUnknownAccessKey() {
        String auth = TestJwt.bearer(TestJwt.Claims.of("nobody", null), ALICE.secret(), "HS512");

        HttpResponse<String> response = client.send("GET", "/v1/accounts", null, auth);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorName(response)).isEqualTo("invalid_access_key");
    }

    @Test
    void rejectsTokenSignedWithAnotherSecret() {
        String auth = TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), null), BOB.secret(), "HS512");

        HttpResponse<String> response = client.send("GET", "/v1/accounts", null, auth);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorName(response)).isEqualTo("jwt_verification");
    }

    @Test
    void rejectsTokenWhosePayloadWasChangedAfterSigning() {
        String alice = TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), null), ALICE.secret(), "HS512");
        String bob = TestJwt.bearer(TestJwt.Claims.of(BOB.accessKey(), null), BOB.secret(), "HS512");
        String[] a = alice.split("\\.");
        String[] b = bob.split("\\.");
        String forged = a[0] + "." + b[1] + "." + a[2];

        HttpResponse<String> response = client.send("GET", "/v1/accounts", null, forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorName(response)).isEqualTo("jwt_verification");
    }

    @Test
    void rejectsUnsupportedAlgorithmAndUnreadableTokens() {
        ObjectNode payload = SimClient.JSON
                .createObjectNode()
                .put("access_key", ALICE.accessKey())
                .put("nonce", UUID.randomUUID().toString());
        String none = TestJwt.bearer(payload, ALICE.secret(), "none");

        for (String auth : new String[] {none, "Bearer not-a-jwt", "Basic abc", "Bearer a.b"}) {
            HttpResponse<String> response = client.send("GET", "/v1/accounts", null, auth);

            assertThat(response.statusCode()).as(auth).isEqualTo(401);
            assertThat(errorName(response)).as(auth).isEqualTo("jwt_verification");
        }
    }

    @Test
    void rejectsReusedNonceOfTheSameKeyOnly() {
        String nonce = UUID.randomUUID().toString();
        String first = TestJwt.bearer(new TestJwt.Claims(ALICE.accessKey(), nonce, null), ALICE.secret(), "HS512");
        String again = TestJwt.bearer(new TestJwt.Claims(ALICE.accessKey(), nonce, null), ALICE.secret(), "HS512");
        String otherKey = TestJwt.bearer(new TestJwt.Claims(BOB.accessKey(), nonce, null), BOB.secret(), "HS512");

        assertThat(client.send("GET", "/v1/accounts", null, first).statusCode()).isEqualTo(200);
        HttpResponse<String> reused = client.send("GET", "/v1/accounts", null, again);
        assertThat(client.send("GET", "/v1/accounts", null, otherKey).statusCode())
                .isEqualTo(200);

        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(errorName(reused)).isEqualTo("nonce_used");
    }

    @Test
    void rejectsMissingQueryHashWhenThereAreParameters() {
        String auth = TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), null), ALICE.secret(), "HS512");

        HttpResponse<String> response = client.send("GET", "/v1/orders/chance?market=KRW-BTC", null, auth);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorName(response)).isEqualTo("invalid_query_payload");
    }

    @Test
    void rejectsQueryHashOnRequestWithoutParameters() {
        String auth = TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), "market=KRW-BTC"), ALICE.secret(), "HS512");

        HttpResponse<String> response = client.send("GET", "/v1/accounts", null, auth);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorName(response)).isEqualTo("invalid_query_payload");
    }

    @Test
    void hashesTheDecodedQueryWithArrayBracketsInArrivalOrder() {
        String[] params = {"market", "KRW-BTC", "states[]", "wait", "order_by", "asc"};
        String path = "/v1/orders/open?" + encodedQuery(params);
        assertThat(path).contains("states%5B%5D=wait");

        String decoded =
                TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), hashSource(params)), ALICE.secret(), "HS512");
        String encoded =
                TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), encodedQuery(params)), ALICE.secret(), "HS512");
        String reordered = TestJwt.bearer(
                TestJwt.Claims.of(ALICE.accessKey(), "states[]=wait&market=KRW-BTC&order_by=asc"),
                ALICE.secret(),
                "HS512");

        assertThat(client.send("GET", path, null, decoded).statusCode()).isEqualTo(200);
        HttpResponse<String> hashOfEncoded = client.send("GET", path, null, encoded);
        HttpResponse<String> hashOfReordered = client.send("GET", path, null, reordered);

        assertThat(hashOfEncoded.statusCode()).isEqualTo(401);
        assertThat(errorName(hashOfEncoded)).isEqualTo("invalid_query_payload");
        assertThat(errorName(hashOfReordered)).isEqualTo("invalid_query_payload");
    }

    @Test
    void hashesPostBodyFieldsInBodyOrderWithNumbersAsSent() {
        String body =
                "{\"market\":\"KRW-ETH\",\"side\":\"bid\",\"volume\":0.002,\"price\":5000000,\"ord_type\":\"limit\"}";
        String source = "market=KRW-ETH&side=bid&volume=0.002&price=5000000&ord_type=limit";
        String reordered = "side=bid&market=KRW-ETH&volume=0.002&price=5000000&ord_type=limit";

        HttpResponse<String> wrongOrder = client.send(
                "POST",
                "/v1/orders",
                body,
                TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), reordered), ALICE.secret(), "HS512"));
        HttpResponse<String> placed = client.send(
                "POST",
                "/v1/orders",
                body,
                TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), source), ALICE.secret(), "HS512"));

        assertThat(wrongOrder.statusCode()).isEqualTo(401);
        assertThat(errorName(wrongOrder)).isEqualTo("invalid_query_payload");
        assertThat(placed.statusCode()).isEqualTo(201);
        assertThat(simulator.state().orders(ALICE.accessKey())).hasSize(1);
    }

    @Test
    void rejectsParametersInBothQueryAndBody() {
        String auth = TestJwt.bearer(TestJwt.Claims.of(ALICE.accessKey(), "market=KRW-BTC"), ALICE.secret(), "HS512");

        HttpResponse<String> response = client.send("DELETE", "/v1/order?uuid=x", "{\"uuid\":\"x\"}", auth);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorName(response)).isEqualTo("invalid_query_payload");
    }

    @Test
    void logsTheClaimsButNotTheToken() {
        client.signedGet(ALICE, "/v1/orders/chance", "market", "KRW-BTC");

        SeenRequest seen = simulator.state().requests("/v1/orders/chance").get(0);

        assertThat(seen.accessKey()).isEqualTo(ALICE.accessKey());
        assertThat(seen.claims()).containsEntry("query_hash", TestJwt.sha512Hex("market=KRW-BTC"));
        assertThat(seen.rawQuery()).isEqualTo("market=KRW-BTC");
        assertThat(seen.toString()).doesNotContain(ALICE.secret()).doesNotContain("Bearer");
    }
}
