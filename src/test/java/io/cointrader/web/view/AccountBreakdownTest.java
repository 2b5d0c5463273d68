package io.cointrader.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Position;
import io.cointrader.core.Symbol;
import io.cointrader.state.AccountSnapshot;
import io.cointrader.state.TickRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountBreakdownTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Symbol SOL = Symbol.parse("SOL/KRW");
    private static final Instant NOW = Instant.parse("2024-03-01T05:00:00Z");
    private static final BigDecimal MIN_ORDER = new BigDecimal("5000");

    @Test
    void theTraderNeverManagesMoreThanTheExchangeHolds() {
        AccountBreakdown account = breakdown(
                Map.of("BTC", new BigDecimal("0.004")),
                List.of(new Position(BTC, new BigDecimal("0.005"), new BigDecimal("90000000"))),
                List.of(tick(BTC, "97000000")));

        CurrencyHolding btc = account.currencies().get(0);

        assertThat(btc.managed()).isEqualByComparingTo("0.004");
        assertThat(btc.external()).isEqualByComparingTo("0");
        assertThat(account.external()).isEmpty();
    }

    @Test
    void theWholeQuoteBalanceIsManaged() {
        AccountBreakdown account = breakdown(Map.of("KRW", new BigDecimal("1000")), List.of(), List.of());

        CurrencyHolding krw = account.currencies().get(0);

        assertThat(krw.managed()).isEqualByComparingTo("1000");
        assertThat(krw.external()).isEqualByComparingTo("0");
    }

    @Test
    void aPositionWithoutATickIsValuedAtItsAveragePriceToTellDust() {
        AccountBreakdown account = breakdown(
                Map.of("SOL", new BigDecimal("0.02")),
                List.of(new Position(SOL, new BigDecimal("0.02"), new BigDecimal("200000"))),
                List.of());

        ValuedPosition sol = account.positions().get(0);

        assertThat(sol.priceTime()).isNull();
        assertThat(sol.value()).isEqualByComparingTo("4000");
        assertThat(sol.dust()).isTrue();
        assertThat(account.dust()).containsExactly(sol);
        assertThat(account.tradable()).isEmpty();
    }

    @Test
    void aPositionWorthExactlyTheMinimumOrderIsNoDust() {
        AccountBreakdown account = breakdown(
                Map.of("SOL", new BigDecimal("0.025")),
                List.of(new Position(SOL, new BigDecimal("0.025"), new BigDecimal("150000"))),
                List.of(tick(SOL, "200000")));

        assertThat(account.positions().get(0).dust()).isFalse();
    }

    @Test
    void externalHoldingsOfACoinWithoutATickHaveNoValue() {
        AccountBreakdown account = breakdown(Map.of("DOGE", new BigDecimal("100")), List.of(), List.of());

        CurrencyHolding doge = account.external().get(0);

        assertThat(doge.external()).isEqualByComparingTo("100");
        assertThat(doge.price()).isNull();
        assertThat(doge.externalValue()).isNull();
    }

    private static AccountBreakdown breakdown(
            Map<String, BigDecimal> totals, List<Position> positions, List<TickRecord> ticks) {
        Map<String, Balance> balances = new java.util.HashMap<>();
        totals.forEach((currency, total) -> balances.put(currency, new Balance(currency, total, BigDecimal.ZERO)));
        AccountSnapshot snapshot =
                new AccountSnapshot(new BalanceSnapshot(balances, NOW), positions, BigDecimal.ZERO, NOW);
        return AccountBreakdown.of(snapshot, ticks, "KRW", MIN_ORDER);
    }

    private static TickRecord tick(Symbol symbol, String price) {
        return new TickRecord(symbol, NOW, NOW, "HOLD", new BigDecimal(price), "");
    }
}
