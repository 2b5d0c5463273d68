package io.cointrader.exchange.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.ExchangeUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class UpbitParsersProperties {

    private static final Symbol BTC = new Symbol("BTC", "KRW");

    private static final List<Function<byte[], Object>> PARSERS = List.of(
            body -> QuotationParser.ticker(body, BTC),
            body -> QuotationParser.tickers(body),
            body -> QuotationParser.orderBook(body, BTC),
            body -> QuotationParser.candles(body, BTC),
            body -> QuotationParser.markets(body),
            body -> QuotationParser.tickSizes(body));

    @Property(tries = 300)
    void parsersThrowOnlyUnavailableForArbitraryBytes(@ForAll @Size(max = 300) byte[] body) {
        assertOnlyUnavailable(body);
    }

    @Property(tries = 500)
    void parsersThrowOnlyUnavailableForArbitraryJsonShapes(@ForAll("upbitLikeJson") String json) {
        assertOnlyUnavailable(json.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void parsersThrowOnlyUnavailableForCutValidBodies(
            @ForAll("validBody") String body, @ForAll @IntRange(max = 2000) int cut) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertOnlyUnavailable(java.util.Arrays.copyOf(bytes, Math.min(cut, bytes.length)));
    }

    @Property(tries = 300)
    void errorMappingAlwaysYieldsAnExchangeExceptionForArbitraryBodies(
            @ForAll @Size(max = 300) byte[] body,
            @ForAll @IntRange(min = 100, max = 599) int status,
            @ForAll("retryAfter") Optional<String> retryAfter) {
        Instant now = Instant.parse("2026-03-11T00:00:00Z");
        ExchangeException error =
                UpbitErrors.forStatus("Upbit GET /v1/ticker", status, body, retryAfter, now, Duration.ofSeconds(60));
        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .startsWith("Upbit GET /v1/ticker: HTTP " + status)
                .hasSizeLessThan(500);
        if (error instanceof UpbitBanException ban) {
            assertThat(ban.bannedUntil()).isBetween(now.plusSeconds(1), now.plus(Duration.ofHours(24)));
        }
    }

    private static void assertOnlyUnavailable(byte[] body) {
        for (Function<byte[], Object> parser : PARSERS) {
            try {
                parser.apply(body);
            } catch (ExchangeUnavailableException expected) {
                assertThat(expected.getMessage()).startsWith("malformed Upbit");
            } catch (RuntimeException other) {
                throw new AssertionError(
                        "parser threw " + other + " for " + new String(body, StandardCharsets.UTF_8), other);
            }
        }
    }

    @Provide
    Arbitrary<Optional<String>> retryAfter() {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Arbitraries.strings().ofMaxLength(12).map(Optional::of),
                Arbitraries.longs().between(-5, 99_999_999).map(n -> Optional.of(Long.toString(n))));
    }

    @Provide
    Arbitrary<String> validBody() {
        return Arbitraries.of(
                UpbitSamples.TICKER_BTC,
                UpbitSamples.ORDERBOOK_BTC,
                UpbitSamples.CANDLES_BTC_1M,
                UpbitSamples.MARKETS,
                UpbitSamples.INSTRUMENTS);
    }

    /** Arrays of objects using Upbit's field names with values of every JSON kind. */
    @Provide
    Arbitrary<String> upbitLikeJson() {
        Arbitrary<String> field = Arbitraries.of(
                "market",
                "trade_price",
                "opening_price",
                "high_price",
                "low_price",
                "acc_trade_volume",
                "prev_closing_price",
                "timestamp",
                "orderbook_units",
                "ask_price",
                "bid_price",
                "ask_size",
                "bid_size",
                "candle_date_time_utc",
                "candle_acc_trade_volume",
                "korean_name",
                "english_name",
                "tick_size",
                "error",
                "name",
                "message");
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-1",
                        "1e999999999",
                        "-0.0",
                        "1E-400",
                        "\"KRW-BTC\"",
                        "\"KRW-ETH\"",
                        "\"KRWBTC\"",
                        "\"2026-03-11T14:40:00\"",
                        "\"2026-13-45T99:99:99\"",
                        "\"103493000.0\"",
                        "\"abc\"",
                        "\"\"",
                        "9223372036854775808",
                        "1773240058973",
                        "103493000.0",
                        "0.00000001",
                        "\"1e5\"",
                        "\"NaN\"",
                        "\"Infinity\"",
                        "[]",
                        "{}"),
                Arbitraries.bigDecimals().ofScale(3).map(d -> d.toPlainString()),
                Arbitraries.longs().map(n -> Long.toString(n)));
        Arbitrary<String> member = Arbitraries.oneOf(scalar, scalar, scalar, Arbitraries.lazy(this::innerArray))
                .flatMap(v -> field.map(f -> "\"" + f + "\":" + v));
        Arbitrary<String> object = member.list().ofMaxSize(12).map(m -> "{" + String.join(",", m) + "}");
        return Arbitraries.oneOf(object.list().ofMaxSize(4).map(o -> "[" + String.join(",", o) + "]"), object, scalar);
    }

    private Arbitrary<String> innerArray() {
        Arbitrary<String> level = Arbitraries.of(
                "{\"ask_price\":1,\"bid_price\":1,\"ask_size\":1,\"bid_size\":1}",
                "{\"ask_price\":-1,\"bid_price\":\"x\",\"ask_size\":null}",
                "{}",
                "1",
                "\"s\"");
        return level.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
    }
}
