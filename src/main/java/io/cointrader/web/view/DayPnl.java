package io.cointrader.web.view;

import io.cointrader.state.AccountSnapshot;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The profit and loss of one trading day (00:00 UTC, 09:00 KST): the equity of a snapshot minus the
 * equity the trading loop recorded at the start of that snapshot's day ({@code dayStart} null when none
 * was recorded).
 */
public record DayPnl(LocalDate day, BigDecimal equity, BigDecimal dayStart) {

    public DayPnl {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(equity, "equity");
    }

    /** The PnL of the trading day of {@code snapshot}, from the day-start equity in {@code store}. */
    public static DayPnl of(StateStore store, AccountSnapshot snapshot) {
        LocalDate day = LocalDate.ofInstant(snapshot.time(), ZoneOffset.UTC);
        return new DayPnl(day, snapshot.equity(), store.dayStartEquity(day).orElse(null));
    }

    /** Equity minus the day-start equity; null when the day-start equity is unknown. */
    public BigDecimal amount() {
        return dayStart == null ? null : equity.subtract(dayStart);
    }

    /** {@link #amount()} in percent of the day-start equity, two decimals; null when unknown. */
    public String percent() {
        return Decimals.percent(amount(), dayStart);
    }
}
