package io.cointrader.exchange.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every Upbit response parser, fed random bytes and mutants of real bodies: it answers a value or
 * throws its declared failure ({@link ExchangeUnavailableException} for a body it cannot read), never
 * anything else.
 */
class UpbitParsersFuzzProperties {

    private static final Symbol BTC = new Symbol("BTC", "KRW");
    private static final Instant NOW = Instant.parse("2026-03-11T00:00:00Z");

    private static final Map<String, Function<byte[], Object>> QUOTATION = Map.of(
            "ticker",
            body -> QuotationParser.ticker(body, BTC),
            "tickers",
            QuotationParser::tickers,
            "orderBook",
            body -> QuotationParser.orderBook(body, BTC),
            "candles",
            body -> QuotationParser.candles(body, BTC),
            "markets",
            QuotationParser::markets,
            "tickSizes",
            QuotationParser::tickSizes);

    private static final Map<String, Function<byte[], Object>> PRIVATE = Map.of(
            "accounts", PrivateParser::accounts,
            "chance", body -> PrivateParser.chance(body, BTC),
            "order", PrivateParser::order,
            "orders", PrivateParser::orders);

    @Property(tries = 10_000)
    void quotationParsersAnswerOrThrowOnlyUnavailable(@ForAll("quotationBodies") byte[] body) {
        QUOTATION.forEach((name, parser) -> assertValueOrUnavailable(name, parser, body));
    }

    @Property(tries = 10_000)
    void privateParsersAnswerOrThrowOnlyUnavailable(@ForAll("privateBodies") byte[] body) {
        PRIVATE.forEach((name, parser) -> assertValueOrUnavailable(name, parser, body));
    }

    @Property(tries = 10_000)
    void errorMappingAlwaysAnswersOneExchangeExceptionWithABoundedMessage(
            @ForAll("errorBodies") byte[] body,
            @ForAll @IntRange(min = 0, max = 999) int status,
            @ForAll("retryAfter") Optional<String> retryAfter) {
        ExchangeException error =
                UpbitErrors.forStatus("Upbit GET /v1/ticker", status, body, retryAfter, NOW, Duration.ofSeconds(60));

        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .startsWith("Upbit GET /v1/ticker: HTTP " + status)
                .hasSizeLessThan(500)
                .doesNotContain("\n", "\r");
        if (error instanceof UpbitBanException ban) {
            assertThat(ban.bannedUntil()).isBetween(NOW.plusSeconds(1), NOW.plus(Duration.ofHours(24)));
        }
        UpbitErrors.parseErrorBody(body).ifPresent(parsed -> {
            assertThat(parsed.name()).hasSizeLessThanOrEqualTo(160);
            assertThat(parsed.message()).hasSizeLessThanOrEqualTo(160);
        });
        UpbitErrors.banDuration(retryAfter, UpbitErrors.parseErrorBody(body), body)
                .ifPresent(ban -> assertThat(ban).isBetween(Duration.ofSeconds(1), Duration.ofHours(24)));
    }

    @Property(tries = 10_000)
    void remainingReqHeaderParsesOrIsEmpty(@ForAll("remainingReq") String header) {
        Optional<RemainingReq> parsed = RemainingReq.parse(header);

        parsed.ifPresent(r -> {
            assertThat(r.group() != null || r.secondsLeft().isPresent()).isTrue();
            r.secondsLeft().ifPresent(n -> assertThat(n).isBetween(0, 999_999));
        });
    }

    private static void assertValueOrUnavailable(String name, Function<byte[], Object> parser, byte[] body) {
        try {
            assertThat(parser.apply(body)).as(name).isNotNull();
        } catch (ExchangeUnavailableException expected) {
            assertThat(expected.getMessage()).startsWith("malformed Upbit").doesNotContain("\n");
        } catch (RuntimeException | StackOverflowError other) {
            throw new AssertionError(
                    name + " threw " + other + " for " + new String(body, StandardCharsets.UTF_8), other);
        }
    }

    @Provide
    Arbitrary<byte[]> quotationBodies() {
        return bodies(List.of(
                UpbitSamples.TICKER_BTC,
                UpbitSamples.ORDERBOOK_BTC,
                UpbitSamples.ORDERBOOK_BTC_TOP,
                UpbitSamples.CANDLES_BTC_1M,
                UpbitSamples.MARKETS,
                UpbitSamples.INSTRUMENTS,
                UpbitSamples.TICKERS_FOR_FALLBACK));
    }

    @Provide
    Arbitrary<byte[]> privateBodies() {
        return bodies(List.of(
                PrivateSamples.ACCOUNTS,
                PrivateSamples.CHANCE_BTC,
                PrivateSamples.ORDER_CREATED,
                PrivateSamples.ORDER_WITH_TRADES,
                PrivateSamples.PRICE_ORDER,
                PrivateSamples.CANCEL_ACCEPTED,
                "[" + PrivateSamples.ORDER_CREATED + "," + PrivateSamples.ORDER_WITH_TRADES + "]"));
    }

    @Provide
    Arbitrary<byte[]> errorBodies() {
        return bodies(List.of(
                PrivateSamples.ORDER_NOT_FOUND,
                PrivateSamples.error("insufficient_funds_bid", "주문가능한 금액(KRW)이 부족합니다."),
                PrivateSamples.error("too_many_requests", "10분 동안 차단됩니다. 30초 후 다시 시도"),
                "{\"error\":{\"name\":418,\"message\":\"1시간 차단\"}}"));
    }

    @Provide
    Arbitrary<Optional<String>> retryAfter() {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Fuzz.text().map(Optional::of),
                Arbitraries.longs().between(-5, 99_999_999).map(n -> Optional.of(Long.toString(n))));
    }

    @Provide
    Arbitrary<String> remainingReq() {
        Arbitrary<String> key = Arbitraries.of("group", "GROUP", "sec", "min", " sec ", "", "x");
        Arbitrary<String> part = net.jqwik.api.Combinators.combine(key, Fuzz.text(), Arbitraries.of("=", "", "=="))
                .as((k, v, eq) -> k + eq + v);
        return Arbitraries.oneOf(
                Fuzz.text().injectNull(0.05),
                part.list().ofMaxSize(6).map(parts -> String.join(";", parts)),
                Arbitraries.of("group=candles; min=600; sec=9", "group=order; sec=7", "sec=99999999999"));
    }

    private static Arbitrary<byte[]> bodies(List<String> valid) {
        return Arbitraries.oneOf(
                Fuzz.bytes(),
                Fuzz.text().map(UpbitParsersFuzzProperties::utf8),
                Fuzz.jsonMutants(valid).map(UpbitParsersFuzzProperties::utf8),
                Fuzz.jsonMutants(valid).map(UpbitParsersFuzzProperties::utf8),
                Fuzz.jsonMutants(valid).map(UpbitParsersFuzzProperties::utf8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
