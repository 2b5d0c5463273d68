package io.cointrader.web.view;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/balances}: the balances of the newest account snapshot ({@code time} null before it). */
public record BalancesView(Instant time, List<Row> balances) {

    public BalancesView {
        balances = List.copyOf(balances);
    }

    /**
     * One currency: what the account holds ({@code total = free + locked}), the part of it the trader
     * manages and the part it does not ({@code managed + external = total}), and what the external part is
     * worth at the newest tick ({@code externalValue}, null when the currency has no price).
     */
    public record Row(
            String currency,
            String free,
            String locked,
            String total,
            String managed,
            String external,
            String externalValue) {}
}
