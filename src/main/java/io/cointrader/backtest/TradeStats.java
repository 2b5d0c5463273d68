package io.cointrader.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * What the closed round trips of a run add up to. A trade still open at the end counts in {@code
 * open} and {@code openPnl} only. A trade that broke exactly even is neither a win nor a loss.
 *
 * @param winRatePct wins in percent of closed trades; {@code NaN} without closed trades
 * @param averageWin mean pnl of the winning trades; zero when there is none
 * @param averageWinPct mean pnl percent of the winning trades; {@code NaN} when there is none
 * @param averageLoss mean pnl of the losing trades (negative); zero when there is none
 * @param averageLossPct mean pnl percent of the losing trades; {@code NaN} when there is none
 * @param profitFactor gross profit over gross loss; infinite with wins and no loss, {@code NaN}
 *     with neither
 */
public record TradeStats(
        int closed,
        int open,
        int wins,
        int losses,
        double winRatePct,
        BigDecimal averageWin,
        double averageWinPct,
        BigDecimal averageLoss,
        double averageLossPct,
        BigDecimal grossProfit,
        BigDecimal grossLoss,
        double profitFactor,
        BigDecimal openPnl) {

    public TradeStats {
        Objects.requireNonNull(averageWin, "averageWin");
        Objects.requireNonNull(averageLoss, "averageLoss");
        Objects.requireNonNull(grossProfit, "grossProfit");
        Objects.requireNonNull(grossLoss, "grossLoss");
        Objects.requireNonNull(openPnl, "openPnl");
    }

    static TradeStats of(List<RoundTrip> trips) {
        int closed = 0;
        int open = 0;
        int wins = 0;
        int losses = 0;
        BigDecimal profit = BigDecimal.ZERO;
        BigDecimal loss = BigDecimal.ZERO;
        BigDecimal winPct = BigDecimal.ZERO;
        BigDecimal lossPct = BigDecimal.ZERO;
        BigDecimal openPnl = BigDecimal.ZERO;
        for (RoundTrip t : trips) {
            if (t.isOpen()) {
                open++;
                openPnl = openPnl.add(t.pnl());
            } else {
                closed++;
                if (t.pnl().signum() > 0) {
                    wins++;
                    profit = profit.add(t.pnl());
                    winPct = winPct.add(t.pnlPct());
                } else if (t.pnl().signum() < 0) {
                    losses++;
                    loss = loss.add(t.pnl());
                    lossPct = lossPct.add(t.pnlPct());
                }
            }
        }
        return new TradeStats(
                closed,
                open,
                wins,
                losses,
                closed == 0 ? Double.NaN : 100.0 * wins / closed,
                mean(profit, wins),
                wins == 0 ? Double.NaN : winPct.doubleValue() / wins,
                mean(loss, losses),
                losses == 0 ? Double.NaN : lossPct.doubleValue() / losses,
                profit,
                loss,
                profitFactor(profit, loss),
                openPnl);
    }

    private static BigDecimal mean(BigDecimal sum, int count) {
        return count == 0 ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
    }

    private static double profitFactor(BigDecimal profit, BigDecimal loss) {
        if (loss.signum() == 0) {
            return profit.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return profit.divide(loss.negate(), MathContext.DECIMAL64).doubleValue();
    }
}
