package io.cointrader.llm;

import io.cointrader.config.LlmSettings;
import io.cointrader.core.Secret;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** Builds the API-key model client the settings name. The OAuth (ChatGPT account) client is built elsewhere. */
public final class LlmClients {

    private LlmClients() {}

    /**
     * @throws IllegalArgumentException for {@code authMode} other than {@code api_key}, an unknown
     *     provider, or a missing API key
     */
    public static LlmClient fromSettings(LlmSettings settings, HttpClient http, Clock clock) {
        if (!settings.authMode().equals("api_key")) {
            throw new IllegalArgumentException("LLM_AUTH_MODE=" + settings.authMode()
                    + " is not an API-key mode; this factory builds api_key clients only");
        }
        Secret key = settings.apiKey()
                .filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("LLM_API_KEY is not set"));
        return switch (settings.provider()) {
            case "openai" -> new OpenAiClient(
                    http, settings.openAiBaseUrl(), key, settings.model(), settings.timeout(), clock);
            case "anthropic" -> new AnthropicClient(
                    http, settings.anthropicBaseUrl(), key, settings.model(), settings.timeout(), clock);
            default -> throw new IllegalArgumentException("unknown LLM_PROVIDER " + settings.provider());
        };
    }

    /** An HTTP client for the model APIs: bounded connect time, no redirects (a key must not follow one). */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
