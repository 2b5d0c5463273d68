package io.cointrader.risk;

/**
 * The checks of the risk gate, in the order {@link RiskManager} applies them; the first that fails
 * names the rejection. The name is what {@code decisions_log} stores in its {@code check} column.
 */
public enum RiskCheck {
    /** ① Only limit orders, unless market orders are allowed. */
    MARKET_ORDER,
    /** A sell may not exceed the held quantity: spot account, no shorting. */
    NO_SHORT,
    /** ② Position + open buys + order of one symbol within the share of equity. */
    POSITION_SIZE,
    /** No buy beyond MAX_CAPITAL_KRW invested at once (positions + open buys + order), when set. */
    CAPITAL,
    /** ③ No new symbol once the maximum number of symbols is held. */
    MAX_POSITIONS,
    /** ④ No buys once today's loss reaches the daily limit. */
    DAILY_LOSS,
    /** ⑤ Orders per second; a sell that reduces a position is never refused for it. */
    ORDER_RATE,
    /** ⑥ Orders per trading day. */
    DAILY_ORDER_COUNT,
    /** ⑦ Derivatives only when futures are enabled. */
    DERIVATIVES,
    /** ⑧ Limit price close enough to the market price. */
    SLIPPAGE;

    /** The {@code check} recorded for an approved intent. */
    public static final String ALL = "ALL";
}
