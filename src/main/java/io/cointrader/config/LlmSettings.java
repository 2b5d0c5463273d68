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
        boolean oauthForceLogin) {}
