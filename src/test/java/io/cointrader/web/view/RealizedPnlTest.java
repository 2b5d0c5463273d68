package io.cointrader.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RealizedPnlTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Symbol ETH = Symbol.parse("ETH/KRW");
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void buyFeesRaiseTheAverageCostAndSellFeesLowerTheProfit() {
        // cost 900,450 + 1,000,500 = 1,900,950 for 0.02 (average 95,047,500)
        // sell 0.01 @ 98,000,000: 980,000 − 950,475 − 490 = 29,035
        RealizedPnl pnl = RealizedPnl.over(List.of(
                fill(BTC, Side.BUY, "90000000", "0.01", "450", 0),
                fill(BTC, Side.BUY, "100000000", "0.01", "500", 1),
                fill(BTC, Side.SELL, "98000000", "0.01", "490", 2)));

        assertThat(pnl.sales()).singleElement().satisfies(s -> assertThat(s.realized())
                .isEqualByComparingTo("29035"));
        assertThat(pnl.total()).isEqualByComparingTo("29035");
        assertThat(pnl.fees()).isEqualByComparingTo("1440");
    }

    @Test
    void aLossIsNegative() {
        // cost 100,050 for 0.001; sell @ 90,000,000: 90,000 − 100,050 − 45 = −10,095
        RealizedPnl pnl = RealizedPnl.over(List.of(
                fill(BTC, Side.BUY, "100000000", "0.001", "50", 0),
                fill(BTC, Side.SELL, "90000000", "0.001", "45", 1)));

        assertThat(pnl.total()).isEqualByComparingTo("-10095");
    }

    @Test
    void symbolsKeepTheirOwnAverageCost() {
        // ETH: cost 2,001,000 for 0.5, sell 0.25 @ 4,200,000: 1,050,000 − 1,000,500 − 525 = 48,975
        // BTC: cost 950,000 for 0.01, sell all @ 94,000,000: 940,000 − 950,000 − 470 = −10,470
        RealizedPnl pnl = RealizedPnl.over(List.of(
                fill(ETH, Side.BUY, "4000000", "0.5", "1000", 0),
                fill(BTC, Side.BUY, "95000000", "0.01", "0", 1),
                fill(ETH, Side.SELL, "4200000", "0.25", "525", 2),
                fill(BTC, Side.SELL, "94000000", "0.01", "470", 3)));

        assertThat(pnl.sales())
                .extracting(RealizedPnl.Sale::realized)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("48975"), new BigDecimal("-10470"));
        assertThat(pnl.total()).isEqualByComparingTo("38505");
    }

    @Test
    void sinceCountsOnlyTheSalesFromThatTimeOn() {
        RealizedPnl pnl = RealizedPnl.over(List.of(
                fill(BTC, Side.BUY, "100", "3", "0", 0),
                fill(BTC, Side.SELL, "110", "1", "0", 10),
                fill(BTC, Side.SELL, "120", "1", "1", 20)));

        assertThat(pnl.since(T0.plusSeconds(20))).isEqualByComparingTo("19");
        assertThat(pnl.since(T0.plusSeconds(11))).isEqualByComparingTo("19");
        assertThat(pnl.since(T0.plusSeconds(10))).isEqualByComparingTo("29");
        assertThat(pnl.since(T0.plusSeconds(21))).isEqualByComparingTo("0");
    }

    @Test
    void partOfAHoldingCostsItsShareRoundedToEightDecimals() {
        // cost 301 for 3: selling 1 costs 100.33333333, selling the other 2 costs the remaining 200.66666667
        RealizedPnl pnl = RealizedPnl.over(List.of(
                fill(BTC, Side.BUY, "100", "3", "1", 0),
                fill(BTC, Side.SELL, "110", "1", "0", 1),
                fill(BTC, Side.SELL, "110", "2", "0", 2)));

        assertThat(pnl.sales().get(0).realized()).isEqualByComparingTo("9.66666667");
        assertThat(pnl.sales().get(1).realized()).isEqualByComparingTo("19.33333333");
        assertThat(pnl.total()).isEqualByComparingTo("29");
    }

    @Test
    void sellingMoreThanWasBoughtRealizesNothingOnTheUnknownPart() {
        // bought 1 for 100; sold 3 @ 150: only the first unit has a known cost: 150 − 100 − 3 = 47
        RealizedPnl pnl = RealizedPnl.over(
                List.of(fill(BTC, Side.BUY, "100", "1", "0", 0), fill(BTC, Side.SELL, "150", "3", "3", 1)));

        assertThat(pnl.total()).isEqualByComparingTo("47");
    }

    @Test
    void feesInTheBaseCurrencyAreValuedAtTheFillPriceAndOthersAreLeftOut() {
        Fill baseFee = new Fill("f1", "o1", BTC, Side.BUY, dec("1000"), dec("2"), dec("0.01"), "BTC", T0);
        Fill otherFee = new Fill("f2", "o2", BTC, Side.BUY, dec("1000"), dec("1"), dec("5"), "USDT", T0);

        assertThat(RealizedPnl.over(List.of(baseFee, otherFee)).fees()).isEqualByComparingTo("10");
    }

    @Property
    void sellingEverythingRealizesProceedsMinusCostsAndFees(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 1_000) Integer> buyUnits,
            @ForAll @IntRange(min = 1, max = 1_000_000) int sellPrice) {
        List<Fill> fills = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO;
        long units = 0;
        for (int i = 0; i < buyUnits.size(); i++) {
            BigDecimal qty = BigDecimal.valueOf(buyUnits.get(i), 3);
            BigDecimal price = BigDecimal.valueOf(1_000L + 37L * i);
            fills.add(new Fill("b" + i, "o" + i, BTC, Side.BUY, price, qty, BigDecimal.ONE, "KRW", T0));
            paid = paid.add(price.multiply(qty)).add(BigDecimal.ONE);
            units += buyUnits.get(i);
        }
        BigDecimal held = BigDecimal.valueOf(units, 3);
        BigDecimal price = BigDecimal.valueOf(sellPrice);
        fills.add(new Fill("s", "os", BTC, Side.SELL, price, held, BigDecimal.TEN, "KRW", T0.plusSeconds(1)));

        RealizedPnl pnl = RealizedPnl.over(fills);

        assertThat(pnl.total())
                .isEqualByComparingTo(price.multiply(held).subtract(paid).subtract(BigDecimal.TEN));
    }

    private static Fill fill(Symbol symbol, Side side, String price, String qty, String fee, int second) {
        return new Fill(
                "f" + second,
                "o" + second,
                symbol,
                side,
                dec(price),
                dec(qty),
                dec(fee),
                "KRW",
                T0.plusSeconds(second));
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }
}
