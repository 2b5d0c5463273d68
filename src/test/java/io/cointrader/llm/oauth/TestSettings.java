package io.cointrader.llm.oauth;

import io.cointrader.config.LlmSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

final class TestSettings {

    private TestSettings() {}

    static LlmSettings oauth(Path authFile, URI issuer, URI codexBase, boolean forceLogin, List<String> models) {
        return new LlmSettings(
                true,
                "oauth",
                "openai",
                Optional.empty(),
                "gpt-4o-mini",
                authFile,
                "GPT-5.2-Codex",
                true,
                forceLogin,
                models,
                0,
                URI.create("http://127.0.0.1:1/v1"),
                URI.create("http://127.0.0.1:1/v1"),
                issuer,
                codexBase,
                Duration.ofSeconds(10),
                100,
                100_000,
                BigDecimal.ONE);
    }
}
