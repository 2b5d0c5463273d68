package io.cointrader.sim;

import io.cointrader.core.Money;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.TickSize;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A validated {@code POST /v1/orders} body: a limit order on a listed KRW market. Validation runs in
 * Upbit's order of concern and answers with its error names ({@code invalid_price_bid}, {@code
 * under_min_total_ask}, ...); problems Upbit has no documented name for are {@code
 * validation_error}. Balance checks are the ledger's.
 */
record OrderForm(Symbol symbol, Side side, BigDecimal price, BigDecimal volume, String identifier) {

    /** Upbit's largest order total, in KRW. */
    static final BigDecimal MAX_TOTAL = new BigDecimal("1000000000");

    /** Bound on digits before and after the point, so absurd numbers never reach the arithmetic. */
    private static final int MAX_DIGITS = 20;

    BigDecimal total() {
        return price.multiply(volume);
    }

    /** {@code bid} or {@code ask}, the suffix of Upbit's side-specific error names. */
    String sideName() {
        return side.upbitName();
    }

    /**
     * @throws ApiError 400 naming the first problem found
     */
    static OrderForm parse(Params body, Set<Symbol> markets, String identifier) {
        Symbol symbol = market(body, markets);
        Side side = side(body);
        String ordType = body.first("ord_type").orElse("limit");
        if (!ordType.equals("limit")) {
            throw ApiError.validation(
                    "ord_type " + ordType + " is not supported: the simulator takes limit orders only");
        }
        for (String unsupported : new String[] {"time_in_force", "smp_type"}) {
            if (body.has(unsupported)) {
                throw ApiError.validation(unsupported + " is not supported by the simulator");
            }
        }
        BigDecimal volume = positive(body, "volume");
        if (volume.stripTrailingZeros().scale() > Money.VOLUME_SCALE) {
            throw ApiError.validation("volume " + volume.toPlainString() + " has more than 8 decimals");
        }
        BigDecimal price = positive(body, "price");
        String name = side.upbitName();
        if (price.remainder(TickSize.krwTick(price)).signum() != 0) {
            throw ApiError.of(
                    400,
                    "invalid_price_" + name,
                    "price " + price.toPlainString() + " is not on the tick grid (tick "
                            + TickSize.krwTick(price).toPlainString() + ")");
        }
        OrderForm form = new OrderForm(symbol, side, price, volume, identifier);
        if (form.total().compareTo(TickSize.KRW_MIN_ORDER_TOTAL) < 0) {
            throw ApiError.of(
                    400,
                    "under_min_total_" + name,
                    "order total " + form.total().toPlainString() + " KRW is below the minimum of 5000 KRW");
        }
        if (form.total().compareTo(MAX_TOTAL) > 0) {
            throw ApiError.validation("order total " + form.total().toPlainString() + " KRW is above 1000000000 KRW");
        }
        return form;
    }

    private static Symbol market(Params body, Set<Symbol> markets) {
        String code = body.first("market").orElseThrow(() -> ApiError.validation("market is missing"));
        return markets.stream()
                .filter(s -> s.marketCode().equals(code))
                .findFirst()
                .orElseThrow(() -> ApiError.validation("market " + code + " does not exist"));
    }

    private static Side side(Params body) {
        String side = body.first("side").orElseThrow(() -> ApiError.validation("side is missing"));
        return switch (side) {
            case "bid" -> Side.BUY;
            case "ask" -> Side.SELL;
            default -> throw ApiError.validation("side must be bid or ask, got " + side);
        };
    }

    private static BigDecimal positive(Params body, String field) {
        String text = body.first(field).orElseThrow(() -> ApiError.validation(field + " is missing"));
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS) {
                throw ApiError.validation(field + " " + text + " is out of range");
            }
            if (value.signum() <= 0) {
                throw ApiError.validation(field + " must be more than zero, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiError.validation(field + " is not a number: " + text);
        }
    }
}
