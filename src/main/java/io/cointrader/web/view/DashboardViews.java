package io.cointrader.web.view;

import io.cointrader.state.StateStore;
import java.math.BigDecimal;

/** The read model of the dashboard, all over one state store. */
public record DashboardViews(AccountViews accounts, ActivityViews activity, ChartViews charts) {

    /**
     * @param quoteCurrency the currency the account is valued in (KRW on Upbit's KRW market)
     * @param dustBelow a position worth less than this is dust (the pair's minimum order total)
     */
    public static DashboardViews over(StateStore store, String quoteCurrency, BigDecimal dustBelow) {
        return new DashboardViews(
                new AccountViews(store, quoteCurrency, dustBelow), new ActivityViews(store), new ChartViews(store));
    }
}
