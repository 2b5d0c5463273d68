package io.cointrader.state;

/** The keys of the {@code meta} table that more than one part of the program reads. */
public final class MetaKeys {

    /** A random id salting client order ids, fixed for the life of the database. */
    public static final String INSTALLATION_ID = "installation.id";
    /** The paper account's initial quote balance (plain decimal). */
    public static final String PAPER_INITIAL_KRW = "paper.initial_krw";
    /** The market-data source the account trades on ({@code upbit} or {@code replay}). */
    public static final String ACCOUNT_EXCHANGE = "account.exchange";
    /** The trading mode the account trades in ({@code paper} or {@code live}). */
    public static final String ACCOUNT_MODE = "account.mode";
    /** The replay clock at the end of the last completed pass (ISO-8601 instant). */
    public static final String REPLAY_CLOCK = "replay.clock";

    private MetaKeys() {}
}
