package io.cointrader.web.view;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code GET /api/pnl}, in {@code currency}. {@code asOf} and {@code day} follow the trading clock of
 * the newest account snapshot; every value is null before the first snapshot, and each one whose
 * inputs are not recorded (e.g. the day's starting equity) is null too.
 */
public record PnlView(
        String currency,
        Instant asOf,
        LocalDate day,
        String equity,
        String dayStartEquity,
        String todayPnl,
        String todayPnlPct,
        String todayRealizedPnl,
        String unrealizedPnl,
        String inceptionEquity,
        String sinceInceptionPnl,
        String sinceInceptionPct,
        String realizedPnlTotal,
        String feesTotal) {

    static PnlView unknown(String currency) {
        return new PnlView(currency, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
