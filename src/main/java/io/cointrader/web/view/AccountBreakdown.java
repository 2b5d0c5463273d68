package io.cointrader.web.view;

import io.cointrader.core.Balance;
import io.cointrader.core.Position;
import io.cointrader.core.Symbol;
import io.cointrader.state.AccountSnapshot;
import io.cointrader.state.TickRecord;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An account snapshot split the way a person reads it: the trader's positions valued at the newest tick
 * (dust marked, nothing left out), and per currency of the exchange's balances what the trader manages
 * and what it does not. In live mode the balances are everything the exchange holds while the positions
 * are only the trader's own, so coins bought by hand show up as external here.
 */
public final class AccountBreakdown {

    private final AccountSnapshot snapshot;
    private final List<ValuedPosition> positions;
    private final List<CurrencyHolding> currencies;

    private AccountBreakdown(
            AccountSnapshot snapshot, List<ValuedPosition> positions, List<CurrencyHolding> currencies) {
        this.snapshot = snapshot;
        this.positions = List.copyOf(positions);
        this.currencies = List.copyOf(currencies);
    }

    /**
     * @param lastTicks the newest tick of each symbol (the store's {@code lastTicks()})
     * @param quote the currency the account is valued in (KRW)
     * @param dustBelow a position worth less than this at its price is dust (the minimum order total)
     */
    public static AccountBreakdown of(
            AccountSnapshot snapshot, Collection<TickRecord> lastTicks, String quote, BigDecimal dustBelow) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(dustBelow, "dustBelow");
        Map<Symbol, TickRecord> ticks = new HashMap<>();
        for (TickRecord tick : lastTicks) {
            if (tick.price() != null) {
                ticks.put(tick.symbol(), tick);
            }
        }
        List<ValuedPosition> positions = snapshot.positions().stream()
                .filter(Position::isOpen)
                .sorted(Comparator.comparing(p -> p.symbol().toString()))
                .map(p -> valued(p, ticks.get(p.symbol()), dustBelow))
                .toList();
        List<CurrencyHolding> currencies = snapshot.balances().balances().values().stream()
                .sorted(Comparator.comparing(Balance::currency))
                .map(b -> holding(b, snapshot.positions(), ticks, quote))
                .toList();
        return new AccountBreakdown(snapshot, positions, currencies);
    }

    public AccountSnapshot snapshot() {
        return snapshot;
    }

    /** Every open position of the trader, by symbol, dust included and marked. */
    public List<ValuedPosition> positions() {
        return positions;
    }

    /** The positions that are not dust. */
    public List<ValuedPosition> tradable() {
        return positions.stream().filter(p -> !p.dust()).toList();
    }

    public List<ValuedPosition> dust() {
        return positions.stream().filter(ValuedPosition::dust).toList();
    }

    /** Every currency of the balances, by code. */
    public List<CurrencyHolding> currencies() {
        return currencies;
    }

    /** The currencies of which the account holds more than the trader manages. */
    public List<CurrencyHolding> external() {
        return currencies.stream().filter(CurrencyHolding::hasExternal).toList();
    }

    private static ValuedPosition valued(Position position, TickRecord tick, BigDecimal dustBelow) {
        return tick == null
                ? ValuedPosition.of(position, null, null, dustBelow)
                : ValuedPosition.of(position, tick.price(), tick.time(), dustBelow);
    }

    private static CurrencyHolding holding(
            Balance balance, List<Position> positions, Map<Symbol, TickRecord> ticks, String quote) {
        String currency = balance.currency();
        BigDecimal total = balance.total();
        if (currency.equalsIgnoreCase(quote)) {
            // the trader spends the whole quote balance: all of it is in its equity
            return new CurrencyHolding(balance, total, BigDecimal.ZERO, BigDecimal.ONE, null);
        }
        BigDecimal own = positions.stream()
                .filter(p -> p.symbol().base().equalsIgnoreCase(currency))
                .map(Position::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal managed = own.min(total);
        TickRecord tick = ticks.get(pair(currency, quote));
        return new CurrencyHolding(
                balance,
                managed,
                total.subtract(managed),
                tick == null ? null : tick.price(),
                tick == null ? null : tick.time());
    }

    private static Symbol pair(String currency, String quote) {
        try {
            return Symbol.parse(currency + "/" + quote);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
