package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.config.LlmSettings;
import io.cointrader.core.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmClientsTest {

    private final HttpClient http = LlmClients.httpClient(Duration.ofSeconds(2));

    private static LlmSettings settings(String authMode, String provider, Optional<Secret> key) {
        return new LlmSettings(
                true,
                authMode,
                provider,
                key,
                "model-x",
                Path.of("auth.json"),
                "gpt-5.2-codex",
                false,
                false,
                List.of(),
                1455,
                URI.create("https://api.openai.com/v1"),
                URI.create("https://api.anthropic.com/v1"),
                URI.create("https://auth.openai.com"),
                URI.create("https://chatgpt.com/backend-api/codex"),
                Duration.ofSeconds(20),
                500,
                1_000_000L,
                new BigDecimal("0.5"));
    }

    @Test
    void buildsTheClientOfTheConfiguredProvider() {
        Optional<Secret> key = Optional.of(Secret.of("sk-test"));

        assertThat(LlmClients.fromSettings(settings("api_key", "openai", key), http, Clock.systemUTC()))
                .isInstanceOf(OpenAiClient.class)
                .extracting(LlmClient::describe)
                .isEqualTo("openai model-x");
        assertThat(LlmClients.fromSettings(settings("api_key", "anthropic", key), http, Clock.systemUTC()))
                .isInstanceOf(AnthropicClient.class)
                .extracting(LlmClient::describe)
                .isEqualTo("anthropic model-x");
    }

    @Test
    void refusesTheOauthMode() {
        assertThatThrownBy(() ->
                        LlmClients.fromSettings(settings("oauth", "openai", Optional.empty()), http, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oauth");
    }

    @Test
    void refusesAMissingOrBlankKey() {
        assertThatThrownBy(() -> LlmClients.fromSettings(
                        settings("api_key", "openai", Optional.empty()), http, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LLM_API_KEY");
        assertThatThrownBy(() -> LlmClients.fromSettings(
                        settings("api_key", "anthropic", Optional.of(Secret.of(" "))), http, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsAnAdvisorFromTheSettings() {
        ScriptedLlmClient client = new ScriptedLlmClient()
                .reply("{\"action\":\"HOLD\",\"confidence\":0.1,\"reasoning\":\"flat\",\"risk_notes\":\"\"}");

        LlmAdvisor advisor =
                LlmAdvisor.fromSettings(settings("api_key", "openai", Optional.empty()), client, Clock.systemUTC());

        java.time.Instant now = java.time.Instant.parse("2026-03-02T10:00:00Z");
        assertThat(advisor.advise(
                        new Advisor.Question("KRW-BTC", now, now, java.util.Map.of("price", "1", "signal", "HOLD"))))
                .map(Advisor.Advice::action)
                .contains("HOLD");
    }
}
