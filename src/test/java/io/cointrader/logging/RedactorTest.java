package io.cointrader.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private final Redactor patternsOnly = new Redactor();

    private static String canary(String label) {
        return "CANARY" + label + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void masksRegisteredSecretWhereverItAppears() {
        String secret = "CANARY-UPBIT-SECRET-" + UUID.randomUUID();
        Redactor redactor = Redactor.withSecrets(List.of(Secret.of(secret)));

        String redacted = redactor.redact("signing with " + secret + "; again:" + secret + "!");

        assertThat(redacted).isEqualTo("signing with ***; again:***!");
    }

    @Test
    void masksSecretsRegisteredAfterConstruction() {
        Redactor redactor = new Redactor();
        String secret = canary("LATE");
        assertThat(redactor.redact("x " + secret)).contains(secret);

        redactor.register(Secret.of(secret));

        assertThat(redactor.redact("x " + secret)).isEqualTo("x ***");
    }

    @Test
    void masksUrlEncodedAndJsonEscapedFormsOfRegisteredSecret() {
        String secret = "k/ey+" + UUID.randomUUID() + "\"q\\";
        Redactor redactor = Redactor.withSecrets(List.of(Secret.of(secret)));
        String urlEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String jsonEscaped = secret.replace("\\", "\\\\").replace("\"", "\\\"");

        assertThat(redactor.redact("GET /x?q=" + urlEncoded)).isEqualTo("GET /x?q=***");
        assertThat(redactor.redact("body {\"v\":\"" + jsonEscaped + "\"}")).isEqualTo("body {\"v\":\"***\"}");
    }

    @Test
    void masksLongerSecretWholeWhenItContainsAShorterOne() {
        Redactor redactor = Redactor.withSecrets(List.of(Secret.of("abcd"), Secret.of("xxabcdyy")));

        assertThat(redactor.redact("v=xxabcdyy w=abcd")).isEqualTo("v=*** w=***");
    }

    @Test
    void ignoresSecretsShorterThanFourCharactersAndBlankOnes() {
        Redactor redactor = Redactor.withSecrets(List.of(Secret.of("abc"), Secret.of("   ")));

        assertThat(redactor.redact("abc def   ghi")).isEqualTo("abc def   ghi");
    }

    @Test
    void nullStaysNullAndShortTextIsUnchanged() {
        assertThat(patternsOnly.redact(null)).isNull();
        assertThat(patternsOnly.redact("")).isEmpty();
        assertThat(patternsOnly.redact("ok")).isEqualTo("ok");
    }

    @Test
    void masksAuthorizationHeaderValueKeepingHeaderName() {
        String token = canary("TOKEN");

        assertThat(patternsOnly.redact("Authorization: Bearer " + token)).isEqualTo("Authorization: ***");
        assertThat(patternsOnly.redact("headers={authorization=Basic " + token + ", accept=json}"))
                .isEqualTo("headers={authorization=***, accept=json}");
        assertThat(patternsOnly.redact("Proxy-Authorization:" + token)).isEqualTo("Proxy-Authorization:***");
        assertThat(patternsOnly.redact("Cookie: session=" + token + "; theme=dark"))
                .isEqualTo("Cookie: ***; theme=dark");
    }

    @Test
    void masksBearerTokenAnywhere() {
        String token = canary("BEARER");

        assertThat(patternsOnly.redact("sent bearer " + token + " to upbit")).isEqualTo("sent bearer *** to upbit");
    }

    @Test
    void masksJwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwt = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + b64.encodeToString(("{\"access_key\":\"" + canary("K") + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));

        assertThat(patternsOnly.redact("jwt=" + jwt + " expired")).isEqualTo("jwt=*** expired");
        assertThat(patternsOnly.redact("(" + jwt + ")")).isEqualTo("(***)");
    }

    @Test
    void masksSlackWebhookPathKeepingHost() {
        String path = "T0000/B0000/" + canary("SLACK");

        assertThat(patternsOnly.redact("post to https://hooks.slack.com/services/" + path + " failed"))
                .isEqualTo("post to https://hooks.slack.com/services/*** failed");
        assertThat(patternsOnly.redact("url=https://hooks.slack.com/workflows/" + path))
                .isEqualTo("url=https://hooks.slack.com/workflows/***");
        assertThat(patternsOnly.redact("u=https%3A%2F%2Fhooks.slack.com%2Fservices%2F" + path))
                .isEqualTo("u=https%3A%2F%2Fhooks.slack.com%2Fservices%2F***");
    }

    @Test
    void masksOpenAiAnthropicAndSlackTokens() {
        String tail = UUID.randomUUID().toString().replace("-", "");

        assertThat(patternsOnly.redact("key sk-" + tail + " used")).isEqualTo("key *** used");
        assertThat(patternsOnly.redact("key sk-proj-" + tail)).isEqualTo("key ***");
        assertThat(patternsOnly.redact("key sk-ant-api03-" + tail + "-xyz")).isEqualTo("key ***");
        assertThat(patternsOnly.redact("bot xoxb-1234-" + tail)).isEqualTo("bot ***");
    }

    @Test
    void masksJsonFieldValuesByNameKeepingTheKey() {
        String value = canary("JSON");
        String json = "{\"access_key\":\"" + value + "\",\"secret_key\" : \"" + value
                + "\",\"market\":\"KRW-BTC\",\"refresh_token\":\"" + value + "\",\"master_code\":123456}";

        assertThat(patternsOnly.redact(json))
                .isEqualTo("{\"access_key\":\"***\",\"secret_key\" : \"***\",\"market\":\"KRW-BTC\","
                        + "\"refresh_token\":\"***\",\"master_code\":\"***\"}");
    }

    @Test
    void masksJsonStringValueWithEscapedQuotes() {
        assertThat(patternsOnly.redact("{\"password\":\"a\\\"b c\",\"n\":1}"))
                .isEqualTo("{\"password\":\"***\",\"n\":1}");
    }

    @Test
    void masksKeyValueFieldsByNameIncludingPrefixedEnvNames() {
        String value = canary("KV");

        assertThat(patternsOnly.redact("UPBIT_ACCESS_KEY=" + value)).isEqualTo("UPBIT_ACCESS_KEY=***");
        assertThat(patternsOnly.redact("UPBIT_SECRET_KEY=" + value)).isEqualTo("UPBIT_SECRET_KEY=***");
        assertThat(patternsOnly.redact("OPENAI_API_KEY=" + value)).isEqualTo("OPENAI_API_KEY=***");
        assertThat(patternsOnly.redact("SLACK_WEBHOOK_URL=" + value)).isEqualTo("SLACK_WEBHOOK_URL=***");
        assertThat(patternsOnly.redact("WEB_MASTER_CODE=" + value)).isEqualTo("WEB_MASTER_CODE=***");
        assertThat(patternsOnly.redact("/cb?code_verifier=" + value + "&state=abc"))
                .isEqualTo("/cb?code_verifier=***&state=abc");
        assertThat(patternsOnly.redact("{apiKey=" + value + ", market=KRW-BTC}"))
                .isEqualTo("{apiKey=***, market=KRW-BTC}");
        assertThat(patternsOnly.redact("password: '" + value + "'")).isEqualTo("password: '***'");
        assertThat(patternsOnly.redact("id_token=" + value + " access_token=" + value))
                .isEqualTo("id_token=*** access_token=***");
        assertThat(patternsOnly.redact("secret=" + value)).isEqualTo("secret=***");
        assertThat(patternsOnly.redact("x-api-key: " + value)).isEqualTo("x-api-key: ***");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "BUY 0.00123456 BTC/KRW at 95000000.5 KRW",
                "market KRW-BTC price=95,000,000 volume=0.5",
                "2024-03-01T09:00:00Z candle closed; next at 2024-03-01T09:01:00.123+09:00",
                "order 550e8400-e29b-41d4-a716-446655440000 filled",
                "identifier=550e8400-e29b-41d4-a716-446655440000 uuid=9f0c2ad1-6b6e-4c1e-8d7f-1b2c3d4e5f60",
                "{\"market\":\"KRW-ETH\",\"side\":\"bid\",\"ord_type\":\"limit\",\"price\":\"4200000\"}",
                "token_count=512 max_tokens=1024 tokens=3",
                "idempotency_key=a1b2c3d4 cache_key=xyz",
                "kill switch activated: API failure threshold reached",
                "The task-runner-abcdefghijklmnopqrstuvwxyz finished",
                "bearer of bad news",
                "ema(12)=94000000.12 atr=350000 rsi=55.3",
                "rate limited; Remaining-Req: group=order; min=59; sec=7",
                "승인된 주문이 체결되었습니다 (KRW-BTC)"
            })
    void leavesOrdinaryTradingTextAlone(String text) {
        assertThat(patternsOnly.redact(text)).isEqualTo(text);
    }
}
