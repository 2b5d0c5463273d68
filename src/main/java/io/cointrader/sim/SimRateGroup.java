package io.cointrader.sim;

/**
 * The rate-limit groups the simulator counts, named as Upbit's {@code Remaining-Req} header spells
 * them (upbit-api.md sections 0a and 4). Quotation groups are counted per client IP, the others per
 * access key (each simulated key is its own account pocket). {@code min} is the fixed, deprecated
 * per-minute figure Upbit still prints in the header (for {@code order} the one recorded before the
 * budget rose from 8 to 12 per second).
 */
public enum SimRateGroup {
    MARKET("market", 10, 600, true),
    CANDLES("candles", 10, 600, true),
    TICKER("ticker", 10, 600, true),
    ORDERBOOK("orderbook", 10, 600, true),
    DEFAULT("default", 30, 1800, false),
    ORDER("order", 12, 480, false);

    private final String headerName;
    private final int upbitPerSecond;
    private final int minuteFigure;
    private final boolean perIp;

    SimRateGroup(String headerName, int upbitPerSecond, int minuteFigure, boolean perIp) {
        this.headerName = headerName;
        this.upbitPerSecond = upbitPerSecond;
        this.minuteFigure = minuteFigure;
        this.perIp = perIp;
    }

    /** The {@code group=} value of the header. */
    public String headerName() {
        return headerName;
    }

    /** Upbit's documented requests per second for the group. */
    public int upbitPerSecond() {
        return upbitPerSecond;
    }

    int minuteFigure() {
        return minuteFigure;
    }

    /** True when counted per client IP, false when per access key. */
    public boolean perIp() {
        return perIp;
    }
}
