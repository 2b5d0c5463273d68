package io.cointrader.config;

import io.cointrader.core.Secret;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The effective settings as {@code NAME=value} lines, one per variable in a fixed order, for the
 * start-up log and the self-test. Secrets appear only as {@code (set)} or {@code (not set)}.
 */
public final class SettingsSummary {

    private static final String NOT_SET = "(not set)";

    private SettingsSummary() {}

    public static List<String> lines(Settings settings) {
        return Arrays.stream(Variable.values())
                .map(v -> v.name() + "=" + OneLine.of(value(v, settings)))
                .toList();
    }

    // one flat table reads better than the same cases split over several methods
    private static String value(Variable v, Settings s) {
        return switch (v) {
            case TRADING_MODE -> lower(s.mode());
            case EXCHANGE -> lower(s.exchange());
            case UPBIT_BASE_URL -> s.upbitBaseUrl().toString();
            case TRADING_SYMBOLS -> symbols(s.symbols());
            case MARKET_DATA_INTERVAL_SEC -> Long.toString(
                    s.marketDataInterval().toSeconds());
            case LIVE_MODE_TOKEN_PATH -> s.live().liveModeTokenPath().toString();
            case UPBIT_KEY_FILE -> s.live().upbitKeyFile().toString();
            case UPBIT_MASTER_KEY -> secret(s.live().upbitMasterKey());
            case LIVE_TRADING_CONFIRMATION -> secret(s.live().liveConfirmation());
            case MAX_POSITION_SIZE_PCT -> plain(s.risk().maxPositionSizePct());
            case MAX_POSITIONS -> Integer.toString(s.risk().maxPositions());
            case DAILY_MAX_DRAWDOWN_PCT -> plain(s.risk().dailyMaxDrawdownPct());
            case MAX_ORDERS_PER_SECOND -> Integer.toString(s.risk().maxOrdersPerSecond());
            case MAX_ORDERS_PER_DAY -> Integer.toString(s.risk().maxOrdersPerDay());
            case MAX_SLIPPAGE_BPS -> Integer.toString(s.risk().maxSlippageBps());
            case MAX_CAPITAL_KRW -> s.risk()
                    .maxCapitalKrw()
                    .map(BigDecimal::toPlainString)
                    .orElse(NOT_SET);
            case DEFAULT_ORDER_TYPE -> s.risk().allowMarketOrders() ? "market" : "limit";
            case FUTURES_ENABLED -> Boolean.toString(s.risk().futuresEnabled());
            case MAX_LEVERAGE -> Integer.toString(s.risk().maxLeverage());
            case CIRCUIT_BREAKER_THRESHOLD_PCT -> plain(s.safety().circuitBreakerThresholdPct());
            case API_FAILURE_THRESHOLD -> Integer.toString(s.safety().apiFailureThreshold());
            case PRICE_ANOMALY_PCT -> plain(s.safety().priceAnomalyPct());
            case SPREAD_ANOMALY_PCT -> plain(s.safety().spreadAnomalyPct());
            case BALANCE_MISMATCH_TOLERANCE_PCT -> plain(s.safety().balanceMismatchTolerancePct());
            case BUY_ORDER_TIMEOUT_SEC -> Long.toString(s.orders().buyTimeout().toSeconds());
            case SELL_ORDER_TIMEOUT_SEC -> Long.toString(
                    s.orders().sellTimeout().toSeconds());
            case UNKNOWN_ORDER_GRACE_SEC -> Long.toString(
                    s.orders().unknownOrderGrace().toSeconds());
            case STOP_LOSS_PCT -> plain(s.exits().stopLossPct());
            case TAKE_PROFIT_PCT -> plain(s.exits().takeProfitPct());
            case TRAILING_STOP_PCT -> plain(s.exits().trailingStopPct());
            case PAPER_INITIAL_KRW -> plain(s.paper().initialKrw());
            case PAPER_FEE_RATE -> plain(s.paper().feeRate());
            case DB_PATH -> s.storage().dbPath().toString();
            case LOG_DIR -> s.storage().logDir().toString();
            case LOG_LEVEL -> s.storage().logLevel();
            case CANDLE_CACHE_PATH -> s.storage().candleCachePath().toString();
            case KILL_SWITCH_FILE -> s.safety().killSwitchFile().toString();
            case SLACK_WEBHOOK_URL -> secret(s.slackWebhookUrl());
            case WEB_MASTER_CODE -> secret(s.webMasterCode());
            case LLM_ENABLED -> Boolean.toString(s.llm().enabled());
            case LLM_AUTH_MODE -> s.llm().authMode();
            case LLM_PROVIDER -> s.llm().provider();
            case LLM_API_KEY -> secret(s.llm().apiKey());
            case LLM_MODEL -> s.llm().model();
            case LLM_OAUTH_AUTH_FILE -> s.llm().oauthAuthFile().toString();
            case LLM_OAUTH_MODEL -> s.llm().oauthModel();
            case LLM_OAUTH_OPEN_BROWSER -> Boolean.toString(s.llm().oauthOpenBrowser());
            case LLM_OAUTH_FORCE_LOGIN -> Boolean.toString(s.llm().oauthForceLogin());
            case LLM_OAUTH_MODELS -> s.llm().oauthModels().isEmpty()
                    ? NOT_SET
                    : String.join(",", s.llm().oauthModels());
            case LLM_OAUTH_CALLBACK_PORT -> Integer.toString(s.llm().oauthCallbackPort());
            case LLM_OPENAI_BASE_URL -> s.llm().openAiBaseUrl().toString();
            case LLM_ANTHROPIC_BASE_URL -> s.llm().anthropicBaseUrl().toString();
            case LLM_OAUTH_ISSUER -> s.llm().oauthIssuer().toString();
            case LLM_CODEX_BASE_URL -> s.llm().codexBaseUrl().toString();
            case LLM_TIMEOUT_SEC -> Long.toString(s.llm().timeout().toSeconds());
            case LLM_DAILY_CALL_LIMIT -> Integer.toString(s.llm().dailyCallLimit());
            case LLM_DAILY_TOKEN_LIMIT -> Long.toString(s.llm().dailyTokenLimit());
            case LLM_MIN_PRICE_MOVE_PCT -> plain(s.llm().minPriceMovePct());
            case REPLAY_DATA_DIR -> s.replay().dataDir().map(Object::toString).orElse(NOT_SET);
            case REPLAY_FROM -> s.replay().from().map(Object::toString).orElse(NOT_SET);
            case REPLAY_TO -> s.replay().to().map(Object::toString).orElse(NOT_SET);
            case REPLAY_STEP_SEC -> Long.toString(s.replay().step().toSeconds());
        };
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    private static String symbols(List<Symbol> symbols) {
        return symbols.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String secret(Optional<Secret> secret) {
        return secret.isPresent() ? "(set)" : NOT_SET;
    }
}
