package io.cointrader.sim;

import io.cointrader.core.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coins a simulated account holds from the start, as if bought by hand before the trader ran: shown
 * by {@code /v1/accounts} with their average buy price like any balance, and sellable. {@code
 * quantity} may be dust too small to sell (below Upbit's 5,000 KRW minimum order).
 *
 * @param currency an upper-case coin code such as {@code BTC}; not KRW (that is {@link
 *     SimAccount#initialKrw()})
 * @param quantity more than zero, at most 8 decimals
 * @param avgBuyPrice average KRW cost of one coin, zero or more
 */
public record SimHolding(String currency, BigDecimal quantity, BigDecimal avgBuyPrice) {

    /** Bound on digits before and after the point, so absurd numbers never reach the arithmetic. */
    private static final int MAX_INTEGER_DIGITS = 20;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{1,15}");
    private static final Pattern TEXT = Pattern.compile("([^=@]+)=([^=@]+)@([^=@]+)");

    public SimHolding {
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY.matcher(currency).matches() || currency.equals(Wallet.KRW)) {
            throw new IllegalArgumentException("holding currency must be a coin code such as BTC, got " + currency);
        }
        if (quantity == null
                || quantity.signum() <= 0
                || quantity.stripTrailingZeros().scale() > Money.VOLUME_SCALE) {
            throw new IllegalArgumentException(
                    "holding quantity must be more than zero with at most 8 decimals, got " + quantity);
        }
        Money.requireNonNegative(avgBuyPrice, "average buy price");
        if (tooLarge(quantity) || tooLarge(avgBuyPrice)) {
            throw new IllegalArgumentException("holding quantity or price is out of range");
        }
    }

    /**
     * Reads {@code CURRENCY=QUANTITY@AVG_BUY_PRICE}, e.g. {@code BTC=0.5@90000000}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SimHolding parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a holding is CURRENCY=QUANTITY@AVG_BUY_PRICE, e.g. BTC=0.5@90000000");
        }
        return new SimHolding(m.group(1).strip(), number(m.group(2), "quantity"), number(m.group(3), "price"));
    }

    private static boolean tooLarge(BigDecimal value) {
        return value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_INTEGER_DIGITS;
    }

    private static BigDecimal number(String text, String what) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("holding " + what + " is not a number: " + text.strip());
        }
    }
}
