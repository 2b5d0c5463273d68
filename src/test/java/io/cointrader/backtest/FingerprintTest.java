package io.cointrader.backtest;

import static io.cointrader.backtest.Results.fill;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void noFillsHashTheEmptyText() {
        assertThat(Fingerprint.of(List.of()).hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aFillIsOneCanonicalLineWithPlainStrippedNumbers() {
        Fill f = fill("BTC/KRW", Side.BUY, "50000000.00", "0.00012000", "3.00", 1_704_067_200L);

        assertThat(Fingerprint.line(f)).isEqualTo("1704067200000|BTC/KRW|BUY|50000000|0.00012|3\n");
    }

    @Test
    void trailingZerosAndIdsDoNotChangeTheFingerprint() {
        Fill a = fill("BTC/KRW", Side.BUY, "100.50", "1.0", "0.0500", 1000);
        Fill b = new Fill(
                "other-id",
                "other-order",
                a.symbol(),
                Side.BUY,
                new BigDecimal("100.5"),
                BigDecimal.ONE,
                new BigDecimal("0.05"),
                "KRW",
                a.time());

        assertThat(Fingerprint.of(List.of(b))).isEqualTo(Fingerprint.of(List.of(a)));
    }

    @Test
    void theShortFormIsTheFirstSixteenHexDigits() {
        Fingerprint f = Fingerprint.of(List.of(fill("BTC/KRW", Side.SELL, "1", "1", "0", 1)));

        assertThat(f.shortHex()).hasSize(16).isEqualTo(f.hex().substring(0, 16)).matches("[0-9a-f]{16}");
    }

    @Test
    void reorderedFillsGiveAnotherFingerprint() {
        Fill a = fill("BTC/KRW", Side.BUY, "100", "1", "0", 1);
        Fill b = fill("BTC/KRW", Side.SELL, "110", "1", "0", 2);

        assertThat(Fingerprint.of(List.of(a, b))).isNotEqualTo(Fingerprint.of(List.of(b, a)));
    }

    @Provide
    Arbitrary<List<Fill>> fills() {
        Arbitrary<Fill> one = Combinators.combine(
                        Arbitraries.of("BTC/KRW", "ETH/KRW", "XRP/KRW"),
                        Arbitraries.of(Side.class),
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("0.0001"), new BigDecimal("99999999"))
                                .ofScale(4),
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("0.00000001"), new BigDecimal("1000"))
                                .ofScale(8),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, new BigDecimal("10000"))
                                .ofScale(8),
                        Arbitraries.longs().between(1_600_000_000_000L, 1_800_000_000_000L))
                .as((symbol, side, price, qty, fee, millis) -> new Fill(
                        "id",
                        "order",
                        Symbol.parse(symbol),
                        side,
                        price,
                        qty,
                        fee,
                        "KRW",
                        Instant.ofEpochMilli(millis)));
        return one.list().ofMinSize(1).ofMaxSize(20);
    }

    @Property
    void anyChangedFillChangesTheFingerprint(
            @ForAll("fills") List<Fill> fills,
            @ForAll @IntRange(max = 1000) int which,
            @ForAll @IntRange(max = 5) int field) {
        int index = which % fills.size();
        List<Fill> changed = new ArrayList<>(fills);
        changed.set(index, change(fills.get(index), field));

        assertThat(Fingerprint.of(changed)).isNotEqualTo(Fingerprint.of(fills));
        assertThat(Fingerprint.of(new ArrayList<>(fills))).isEqualTo(Fingerprint.of(fills));
    }

    @Property
    void addingOrRemovingAFillChangesTheFingerprint(@ForAll("fills") List<Fill> fills) {
        assertThat(Fingerprint.of(fills.subList(0, fills.size() - 1))).isNotEqualTo(Fingerprint.of(fills));
    }

    private static Fill change(Fill f, int field) {
        BigDecimal tiny = new BigDecimal("0.00000001");
        return switch (field) {
            case 0 -> new Fill(
                    f.fillId(),
                    f.clientOrderId(),
                    f.symbol().base().equals("BTC") ? Symbol.parse("DOGE/KRW") : Symbol.parse("BTC/KRW"),
                    f.side(),
                    f.price(),
                    f.quantity(),
                    f.fee(),
                    f.feeCurrency(),
                    f.time());
            case 1 -> new Fill(
                    f.fillId(),
                    f.clientOrderId(),
                    f.symbol(),
                    f.side() == Side.BUY ? Side.SELL : Side.BUY,
                    f.price(),
                    f.quantity(),
                    f.fee(),
                    f.feeCurrency(),
                    f.time());
            case 2 -> new Fill(
                    f.fillId(),
                    f.clientOrderId(),
                    f.symbol(),
                    f.side(),
                    f.price().add(tiny),
                    f.quantity(),
                    f.fee(),
                    f.feeCurrency(),
                    f.time());
            case 3 -> new Fill(
                    f.fillId(),
                    f.clientOrderId(),
                    f.symbol(),
                    f.side(),
                    f.price(),
                    f.quantity().add(tiny),
                    f.fee(),
                    f.feeCurrency(),
                    f.time());
            case 4 -> new Fill(
                    f.fillId(),
                    f.clientOrderId(),
                    f.symbol(),
                    f.side(),
                    f.price(),
                    f.quantity(),
                    f.fee().add(tiny),
                    f.feeCurrency(),
                    f.time());
            default -> new Fill(
                    f.fillId(),
                    f.clientOrderId(),
                    f.symbol(),
                    f.side(),
                    f.price(),
                    f.quantity(),
                    f.fee(),
                    f.feeCurrency(),
                    f.time().plusMillis(1));
        };
    }
}
