package io.cointrader.config;

import io.cointrader.core.Secret;
import java.nio.file.Path;
import java.util.Optional;

/** LLM advisor settings (the advisor itself is optional and never on the order path). */
public record LlmSettings(
        boolean enabled,
        String authMode,
        String provider,
        Optional<Secret> apiKey,
        String model,
        Path oauthAuthFile,
        String oauthModel,
        boolean oauthOpenBrowser,
        boolean oauthForceLogin,
        java.util.List<String> oauthModels,
        int oauthCallbackPort,
        java.net.URI openAiBaseUrl,
        java.net.URI anthropicBaseUrl,
        java.net.URI oauthIssuer,
        java.net.URI codexBaseUrl,
        java.time.Duration timeout,
        int dailyCallLimit,
        long dailyTokenLimit,
        java.math.BigDecimal minPriceMovePct) {

    /**
     * {@code oauthModels}: an allow-list that replaces the built-in one when not empty. {@code
     * minPriceMovePct}: the advisor is not asked again for a symbol whose price moved less than this
     * since its last advice and whose signal did not change. Base URLs are overridable for tests.
     */
    public LlmSettings {
        oauthModels = java.util.List.copyOf(oauthModels);
    }
}
