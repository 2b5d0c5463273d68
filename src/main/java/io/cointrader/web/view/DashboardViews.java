package io.cointrader.web.view;

import io.cointrader.state.StateStore;

/** The read model of the dashboard, all over one state store. */
public record DashboardViews(AccountViews accounts, ActivityViews activity, ChartViews charts) {

    /** @param quoteCurrency the currency the account is valued in (KRW on Upbit's KRW market) */
    public static DashboardViews over(StateStore store, String quoteCurrency) {
        return new DashboardViews(
                new AccountViews(store, quoteCurrency), new ActivityViews(store), new ChartViews(store));
    }
}
