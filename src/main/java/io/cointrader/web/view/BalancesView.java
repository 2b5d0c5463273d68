package io.cointrader.web.view;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/balances}: the balances of the newest account snapshot ({@code time} null before it). */
public record BalancesView(Instant time, List<Row> balances) {

    public BalancesView {
        balances = List.copyOf(balances);
    }

    /** One currency. */
    public record Row(String currency, String free, String locked, String total) {}
}
