package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.FakeUpbitServer.ECHO;
import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.json;
import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.OrderRequest;
import io.cointrader.testing.LogCapture;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Canary keys through every failure path: no exception text and no log line may carry the access key,
 * the secret key or any token that was sent, not even when the server echoes them back.
 */
class UpbitSecretsCanaryTest {

    private static final String ACCESS = "CANARYaccess7f3c2a9d1e5b8c4f6a0d2e7b9c1f3a5d";
    private static final String SECRET = "CANARYsecret0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";
    private static final Symbol BTC = new Symbol("BTC", "KRW");
    private static final String ECHOING_ERROR = "{\"error\":{\"name\":\"jwt_verification\",\"message\":\"bad token "
            + ECHO + " for key " + ACCESS + " signed with " + SECRET + "\"}}";

    private final PrivateFixture fx = new PrivateFixture(ACCESS, SECRET);
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of("io.cointrader", Level.TRACE);
    }

    @AfterEach
    void restore() {
        logs.close();
        fx.close();
    }

    @Test
    void noExceptionMessageNorLogLineCarriesTheKeysOrATokenInAnyFailure() {
        fx.server
                .on("/v1/accounts", json(401, ECHOING_ERROR), ok(PrivateSamples.ACCOUNTS))
                .on("/v1/orders/chance", json(500, ECHOING_ERROR))
                .on(
                        "/v1/orders",
                        json(400, ECHOING_ERROR.replace("jwt_verification", "insufficient_funds_bid")),
                        json(400, ECHOING_ERROR.replace("jwt_verification", "under_min_total_bid")),
                        json(429, ECHOING_ERROR),
                        json(500, ECHOING_ERROR),
                        json(201, PrivateSamples.ORDER_CREATED).truncatedTo(50),
                        FakeUpbitServer.Reply.dropped(),
                        FakeUpbitServer.Reply.hanging())
                .on("/v1/order", json(404, PrivateSamples.ORDER_NOT_FOUND), json(404, ECHOING_ERROR))
                .on("/v1/orders/open", json(503, ECHOING_ERROR));
        UpbitPrivateClient client = fx.client(fx.quickOptions());
        OrderRequest buy =
                new OrderRequest(BTC, Side.BUY, new BigDecimal("10000000"), new BigDecimal("0.0005"), "canary-1");

        List<Throwable> thrown = new ArrayList<>();
        thrown.add(catchThrowable(client::accounts));
        assertThat(client.accounts()).hasSize(2);
        thrown.add(catchThrowable(() -> client.chance(BTC)));
        for (int i = 0; i < 7; i++) {
            thrown.add(catchThrowable(() -> client.placeOrder(buy)));
        }
        assertThat(client.orderByIdentifier("canary-1")).isEmpty();
        thrown.add(catchThrowable(() -> client.cancelByIdentifier("canary-1")));
        thrown.add(catchThrowable(() -> client.openOrders(BTC)));

        assertThat(thrown).hasSize(11).doesNotContainNull();
        List<String> tokens = fx.server.received().stream()
                .map(PrivateFixture::authorization)
                .map(JwtCheck::token)
                .toList();
        assertThat(tokens).hasSize(17);
        List<String> forbidden = forbidden(tokens);

        List<String> texts = new ArrayList<>();
        thrown.forEach(t -> texts.addAll(texts(t)));
        texts.addAll(logs.texts());
        assertThat(logs.events()).as("the retried reads log their failures").isNotEmpty();
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(forbidden));
        assertThat(String.join("\n", texts)).contains("jwt_verification", "insufficient_funds_bid", "HTTP 500");
    }

    /** Both keys, and for every token the whole, its payload and its signature. */
    private static List<String> forbidden(List<String> tokens) {
        List<String> out = new ArrayList<>(List.of(ACCESS, SECRET));
        for (String token : tokens) {
            String[] parts = token.split("\\.");
            out.add(token);
            out.add(parts[1]);
            out.add(parts[2]);
        }
        return out;
    }

    private static List<String> texts(Throwable thrown) {
        List<String> out = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            out.add(String.valueOf(t));
        }
        return out;
    }
}
