package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.json;
import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.ok;
import static io.cointrader.exchange.upbit.JwtCheck.fieldNames;
import static io.cointrader.exchange.upbit.JwtCheck.verifiedClaims;
import static io.cointrader.exchange.upbit.PrivateFixture.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Secret;
import io.cointrader.exchange.ApiKeyInfo;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.ExchangeUnavailableException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/api_keys}: the account's keys and when they expire. */
class UpbitApiKeysTest {

    private final PrivateFixture fx = new PrivateFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void listsTheKeysWithASignedGetWithoutQueryHash() {
        fx.server.on(
                "/v1/api_keys",
                ok("[{\"access_key\":\"" + fx.accessKey + "\",\"expire_at\":\"2027-03-22T21:42:22+09:00\"},"
                        + "{\"access_key\":\"OtHeRkEy0123456789\",\"expire_at\":\"2026-12-31T00:00:00+09:00\"}]"));

        List<ApiKeyInfo> keys = fx.client().apiKeys();

        FakeUpbitServer.Received sent = fx.received("/v1/api_keys").get(0);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.rawQuery()).isNull();
        assertThat(sent.body()).isEmpty();
        JsonNode claims = verifiedClaims(authorization(sent), fx.secretKey);
        assertThat(fieldNames(claims)).containsExactly("access_key", "nonce");
        assertThat(claims.get("access_key").asText()).isEqualTo(fx.accessKey);

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).isKey(Secret.of(fx.accessKey))).isTrue();
        assertThat(keys.get(0).expireAt()).isEqualTo(Instant.parse("2027-03-22T12:42:22Z"));
        assertThat(keys.get(1).isKey(Secret.of(fx.accessKey))).isFalse();
        assertThat(keys.get(1).expireAt()).isEqualTo(Instant.parse("2026-12-30T15:00:00Z"));
    }

    @Test
    void neverShowsMoreThanTheFirstFourCharactersOfAnAccessKey() {
        ApiKeyInfo key = new ApiKeyInfo(Secret.of(fx.accessKey), Instant.EPOCH);

        assertThat(key.maskedAccessKey()).isEqualTo("AkEy…");
        assertThat(key.toString()).contains("AkEy…").doesNotContain(fx.accessKey.substring(0, 5));
        assertThat(new ApiKeyInfo(Secret.of("abcdef"), Instant.EPOCH).maskedAccessKey())
                .isEqualTo("ab…");
    }

    @Test
    void readsTheTimeInEveryShapeItMayCome() {
        fx.server.on(
                "/v1/api_keys",
                ok("[{\"access_key\":\"k1\",\"expired_at\":\"2027-03-22T21:42:22+09:00\"},"
                        + "{\"access_key\":\"k2\",\"expire_at\":\"2027-03-22T21:42:22\"},"
                        + "{\"access_key\":\"k3\",\"expire_at\":\"2027-03-22 21:42:22\"},"
                        + "{\"access_key\":\"k4\",\"expire_at\":\"2027-03-22\"},"
                        + "{\"access_key\":\"k5\",\"expire_at\":\"2027-03-22T12:42:22Z\"},"
                        + "{\"access_key\":\"k6\",\"expire_at\":1805719342000},"
                        + "{\"access_key\":\"k7\",\"expire_at\":\"1805719342000\"}]"));

        List<Instant> expiries =
                fx.client().apiKeys().stream().map(ApiKeyInfo::expireAt).toList();

        Instant expected = Instant.parse("2027-03-22T12:42:22Z");
        assertThat(expiries)
                .containsExactly(
                        expected,
                        expected,
                        expected,
                        Instant.parse("2027-03-21T15:00:00Z"),
                        expected,
                        expected,
                        expected);
    }

    @Test
    void anAnswerOfAnotherShapeIsUnavailableAndAMovedPathIsAnExchangeError() {
        for (String body : List.of(
                "{\"access_key\":\"k\",\"expire_at\":\"2027-03-22T21:42:22+09:00\"}",
                "[{\"access_key\":\"k\"}]",
                "[{\"expire_at\":\"2027-03-22T21:42:22+09:00\"}]",
                "[{\"access_key\":\"k\",\"expire_at\":\"next year\"}]",
                "[{\"access_key\":\"k\",\"expire_at\":true}]")) {
            try (PrivateFixture one = new PrivateFixture()) {
                one.server.on("/v1/api_keys", ok(body));

                assertThatThrownBy(() -> one.client().apiKeys())
                        .as(body)
                        .isInstanceOf(ExchangeUnavailableException.class)
                        .hasMessageContaining("malformed Upbit api_keys");
            }
        }
        fx.server.on("/v1/api_keys", json(404, "{\"error\":{\"name\":404,\"message\":\"Not found\"}}"));
        assertThatThrownBy(() -> fx.client().apiKeys()).isInstanceOf(ExchangeException.class);
    }

    @Test
    void anEmptyListIsEmpty() {
        fx.server.on("/v1/api_keys", ok("[]"));

        assertThat(fx.client().apiKeys()).isEmpty();
    }
}
