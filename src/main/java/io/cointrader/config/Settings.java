package io.cointrader.config;

import io.cointrader.core.Secret;
import io.cointrader.core.Symbol;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of the system, validated. Built once by {@link SettingsLoader}; never changes. */
public record Settings(
        TradingMode mode,
        ExchangeKind exchange,
        URI upbitBaseUrl,
        List<Symbol> symbols,
        Duration marketDataInterval,
        RiskSettings risk,
        OrderSettings orders,
        ExitSettings exits,
        SafetySettings safety,
        PaperSettings paper,
        StorageSettings storage,
        LiveSettings live,
        LlmSettings llm,
        Optional<Secret> slackWebhookUrl,
        Optional<Secret> webMasterCode,
        ReplaySettings replay) {

    public Settings {
        symbols = List.copyOf(symbols);
    }
}
