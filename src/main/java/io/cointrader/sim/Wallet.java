package io.cointrader.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The holdings of one simulated account, per currency: free balance, amount locked by open orders,
 * and the average KRW cost of a coin. Arithmetic is exact (no rounding) so that funds are conserved
 * to the last digit. Not thread-safe: the {@link Ledger} lock guards it.
 */
final class Wallet {

    static final String KRW = "KRW";

    private static final int AVG_PRICE_SCALE = 8;

    private static final class Holding {
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
        BigDecimal avgBuyPrice = BigDecimal.ZERO;
    }

    private final Map<String, Holding> holdings = new TreeMap<>();

    Wallet(BigDecimal initialKrw, List<SimHolding> initialCoins) {
        holding(KRW).balance = initialKrw;
        for (SimHolding coin : initialCoins) {
            Holding h = holding(coin.currency());
            h.balance = coin.quantity();
            h.avgBuyPrice = coin.avgBuyPrice();
        }
    }

    BigDecimal free(String currency) {
        Holding h = holdings.get(currency);
        return h == null ? BigDecimal.ZERO : h.balance;
    }

    /** Moves {@code amount} from free to locked; the caller has checked that it is free. */
    void lock(String currency, BigDecimal amount) {
        Holding h = holding(currency);
        if (h.balance.compareTo(amount) < 0) {
            throw new IllegalStateException("cannot lock " + amount + " " + currency + ", only " + h.balance + " free");
        }
        h.balance = h.balance.subtract(amount);
        h.locked = h.locked.add(amount);
    }

    /** Moves {@code amount} from locked back to free (a cancelled order). */
    void unlock(String currency, BigDecimal amount) {
        Holding h = takeLocked(currency, amount);
        h.balance = h.balance.add(amount);
    }

    /** Removes {@code amount} from locked: it was paid away by a fill. */
    void spendLocked(String currency, BigDecimal amount) {
        Holding h = takeLocked(currency, amount);
        if (h.balance.add(h.locked).signum() == 0 && !KRW.equals(currency)) {
            h.avgBuyPrice = BigDecimal.ZERO;
        }
    }

    void credit(String currency, BigDecimal amount) {
        Holding h = holding(currency);
        h.balance = h.balance.add(amount);
    }

    /** Credits bought coins and folds their cost into the average buy price. */
    void creditBought(String currency, BigDecimal volume, BigDecimal funds) {
        Holding h = holding(currency);
        BigDecimal held = h.balance.add(h.locked);
        BigDecimal cost = h.avgBuyPrice.multiply(held).add(funds);
        h.avgBuyPrice = cost.divide(held.add(volume), AVG_PRICE_SCALE, RoundingMode.HALF_UP);
        h.balance = h.balance.add(volume);
    }

    /** Every currency ever held, KRW included, in currency order. */
    List<SimBalance> balances() {
        List<SimBalance> out = new ArrayList<>();
        holdings.forEach((currency, h) -> out.add(new SimBalance(currency, h.balance, h.locked, h.avgBuyPrice)));
        return out;
    }

    private Holding takeLocked(String currency, BigDecimal amount) {
        Holding h = holding(currency);
        if (h.locked.compareTo(amount) < 0) {
            throw new IllegalStateException(
                    "cannot release " + amount + " " + currency + ", only " + h.locked + " locked");
        }
        h.locked = h.locked.subtract(amount);
        return h;
    }

    private Holding holding(String currency) {
        return holdings.computeIfAbsent(currency, c -> new Holding());
    }
}
