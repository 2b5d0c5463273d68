package io.cointrader.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The configuration variables, spelled exactly as in the original system so that an existing
 * {@code .env} keeps working, with their defaults as text (parsed by the same rules as user input).
 */
enum Variable {
    TRADING_MODE("paper"),
    EXCHANGE("upbit"),
    UPBIT_BASE_URL("https://api.upbit.com"),
    TRADING_SYMBOLS("[\"BTC/KRW\",\"ETH/KRW\"]"),
    MARKET_DATA_INTERVAL_SEC("60"),
    LIVE_MODE_TOKEN_PATH("RUN/live_mode_token.txt"),
    UPBIT_KEY_FILE("data/upbit_keys.enc"),
    UPBIT_MASTER_KEY(Kind.SECRET_NOT_FROM_FILE),
    LIVE_TRADING_CONFIRMATION(Kind.SECRET_NOT_FROM_FILE),
    MAX_POSITION_SIZE_PCT("10"),
    MAX_POSITIONS("5"),
    DAILY_MAX_DRAWDOWN_PCT("5"),
    MAX_ORDERS_PER_SECOND("1"),
    MAX_ORDERS_PER_DAY("100"),
    MAX_SLIPPAGE_BPS("50"),
    MAX_CAPITAL_KRW(Kind.OPTIONAL),
    DEFAULT_ORDER_TYPE("limit"),
    FUTURES_ENABLED("false"),
    MAX_LEVERAGE("1"),
    CIRCUIT_BREAKER_THRESHOLD_PCT("15"),
    API_FAILURE_THRESHOLD("5"),
    PRICE_ANOMALY_PCT("10"),
    SPREAD_ANOMALY_PCT("5"),
    BALANCE_MISMATCH_TOLERANCE_PCT("1.0"),
    BUY_ORDER_TIMEOUT_SEC("600"),
    SELL_ORDER_TIMEOUT_SEC("600"),
    UNKNOWN_ORDER_GRACE_SEC("600"),
    STOP_LOSS_PCT("0"),
    TAKE_PROFIT_PCT("0"),
    TRAILING_STOP_PCT("0"),
    PAPER_INITIAL_KRW("1000000"),
    PAPER_FEE_RATE("0.0005"),
    DB_PATH("data/coin_trader.db"),
    LOG_DIR("logs"),
    LOG_LEVEL("INFO"),
    CANDLE_CACHE_PATH("data/candles.db"),
    KILL_SWITCH_FILE("RUN/kill_switch"),
    SLACK_WEBHOOK_URL(Kind.SECRET),
    WEB_MASTER_CODE(Kind.SECRET),
    LLM_ENABLED("false"),
    LLM_AUTH_MODE("api_key"),
    LLM_PROVIDER("openai"),
    LLM_API_KEY(Kind.SECRET),
    LLM_MODEL("gpt-4o-mini"),
    LLM_OAUTH_AUTH_FILE("data/.auth/openai-oauth.json"),
    LLM_OAUTH_MODEL("gpt-5.2-codex"),
    LLM_OAUTH_OPEN_BROWSER("true"),
    LLM_OAUTH_FORCE_LOGIN("false"),
    LLM_OAUTH_MODELS(Kind.OPTIONAL),
    LLM_OAUTH_CALLBACK_PORT("1455"),
    LLM_OPENAI_BASE_URL("https://api.openai.com/v1"),
    LLM_ANTHROPIC_BASE_URL("https://api.anthropic.com/v1"),
    LLM_OAUTH_ISSUER("https://auth.openai.com"),
    LLM_CODEX_BASE_URL("https://chatgpt.com/backend-api/codex"),
    LLM_TIMEOUT_SEC("20"),
    LLM_DAILY_CALL_LIMIT("500"),
    LLM_DAILY_TOKEN_LIMIT("1000000"),
    LLM_MIN_PRICE_MOVE_PCT("0.5"),
    REPLAY_DATA_DIR(Kind.OPTIONAL),
    REPLAY_FROM(Kind.OPTIONAL),
    REPLAY_TO(Kind.OPTIONAL),
    REPLAY_STEP_SEC("3600");

    private enum Kind {
        DEFAULTED,
        OPTIONAL,
        SECRET,
        SECRET_NOT_FROM_FILE
    }

    private final String defaultText;
    private final Kind kind;

    Variable(String defaultText) {
        this.defaultText = defaultText;
        this.kind = Kind.DEFAULTED;
    }

    Variable(Kind kind) {
        this.defaultText = null;
        this.kind = kind;
    }

    /** The default as text; empty for a setting that is simply absent unless given. */
    Optional<String> defaultText() {
        return Optional.ofNullable(defaultText);
    }

    /** Its value must never be shown: not in messages, logs or summaries. */
    boolean secret() {
        return kind == Kind.SECRET || kind == Kind.SECRET_NOT_FROM_FILE;
    }

    /** May come from the {@code .env} file; false for the master key and the live confirmation. */
    boolean allowedInDotEnv() {
        return kind != Kind.SECRET_NOT_FROM_FILE;
    }

    /**
     * The variable of that name, ignoring ASCII case only (as the original did), so that look-alike
     * letters such as a dotless {@code ı} never select a setting.
     */
    static Optional<Variable> named(String name) {
        if (name == null || !name.chars().allMatch(c -> c < 128)) {
            return Optional.empty();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (Variable v : values()) {
            if (v.name().equals(upper)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
