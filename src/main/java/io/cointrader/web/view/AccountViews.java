package io.cointrader.web.view;

import io.cointrader.core.Balance;
import io.cointrader.core.Position;
import io.cointrader.core.Symbol;
import io.cointrader.state.AccountSnapshot;
import io.cointrader.state.MetaKeys;
import io.cointrader.state.StateStore;
import io.cointrader.state.TickRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Balances, positions and profit and loss of the account, from the newest account snapshot. "Now" is
 * that snapshot's time (the trading clock, simulated on the replay exchange), never the wall clock.
 */
public final class AccountViews {

    private final StateStore store;
    private final String quoteCurrency;

    public AccountViews(StateStore store, String quoteCurrency) {
        this.store = Objects.requireNonNull(store, "store");
        this.quoteCurrency = Objects.requireNonNull(quoteCurrency, "quoteCurrency");
    }

    public BalancesView balances() {
        Optional<AccountSnapshot> snapshot = store.latestAccountSnapshot();
        if (snapshot.isEmpty()) {
            return new BalancesView(null, List.of());
        }
        List<BalancesView.Row> rows = snapshot.get().balances().balances().values().stream()
                .sorted(Comparator.comparing(Balance::currency))
                .map(b -> new BalancesView.Row(
                        b.currency(), Decimals.plain(b.free()), Decimals.plain(b.locked()), Decimals.plain(b.total())))
                .toList();
        return new BalancesView(snapshot.get().time(), rows);
    }

    public PositionsView positions() {
        Optional<AccountSnapshot> snapshot = store.latestAccountSnapshot();
        if (snapshot.isEmpty()) {
            return new PositionsView(null, List.of());
        }
        List<PositionsView.Row> rows =
                valued(snapshot.get()).stream().map(Valued::row).toList();
        return new PositionsView(snapshot.get().time(), rows);
    }

    /**
     * Profit and loss as of the newest snapshot.
     *
     * @param paper whether the account is a paper account, whose inception equity is its initial balance
     *     (else the first recorded day-start equity)
     */
    public PnlView pnl(boolean paper) {
        Optional<AccountSnapshot> latest = store.latestAccountSnapshot();
        if (latest.isEmpty()) {
            return PnlView.unknown(quoteCurrency);
        }
        AccountSnapshot snapshot = latest.get();
        LocalDate day = LocalDate.ofInstant(snapshot.time(), ZoneOffset.UTC);
        BigDecimal equity = snapshot.equity();
        BigDecimal dayStart = store.dayStartEquity(day).orElse(null);
        BigDecimal todayPnl = dayStart == null ? null : equity.subtract(dayStart);
        BigDecimal inception = inceptionEquity(paper);
        BigDecimal sinceInception = inception == null ? null : equity.subtract(inception);
        BigDecimal unrealized =
                valued(snapshot).stream().map(Valued::unrealized).reduce(BigDecimal.ZERO, BigDecimal::add);
        RealizedPnl realized = RealizedPnl.over(store.allFills());
        Instant dayStartTime = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new PnlView(
                quoteCurrency,
                snapshot.time(),
                day,
                Decimals.plain(equity),
                Decimals.plain(dayStart),
                Decimals.plain(todayPnl),
                Decimals.percent(todayPnl, dayStart),
                Decimals.plain(realized.since(dayStartTime)),
                Decimals.plain(unrealized),
                Decimals.plain(inception),
                Decimals.plain(sinceInception),
                Decimals.percent(sinceInception, inception),
                Decimals.plain(realized.total()),
                Decimals.plain(realized.fees()));
    }

    private BigDecimal inceptionEquity(boolean paper) {
        if (paper) {
            Optional<BigDecimal> initial =
                    store.meta(MetaKeys.PAPER_INITIAL_KRW).flatMap(AccountViews::decimal);
            if (initial.isPresent()) {
                return initial.get();
            }
        }
        return store.firstDayStartEquity().orElse(null);
    }

    private List<Valued> valued(AccountSnapshot snapshot) {
        Map<Symbol, TickRecord> ticks = new HashMap<>();
        for (TickRecord tick : store.lastTicks()) {
            ticks.put(tick.symbol(), tick);
        }
        return snapshot.positions().stream()
                .filter(Position::isOpen)
                .sorted(Comparator.comparing(p -> p.symbol().toString()))
                .map(p -> Valued.of(p, ticks.get(p.symbol())))
                .toList();
    }

    private static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A position and the price it is valued at. */
    private record Valued(Position position, BigDecimal price, Instant priceTime) {

        static Valued of(Position position, TickRecord tick) {
            if (tick == null || tick.price() == null) {
                return new Valued(position, position.averagePrice(), null);
            }
            return new Valued(position, tick.price(), tick.time());
        }

        BigDecimal value() {
            return position.valueAt(price);
        }

        BigDecimal cost() {
            return position.valueAt(position.averagePrice());
        }

        BigDecimal unrealized() {
            return value().subtract(cost());
        }

        PositionsView.Row row() {
            return new PositionsView.Row(
                    position.symbol(),
                    Decimals.plain(position.quantity()),
                    Decimals.plain(position.averagePrice()),
                    Decimals.plain(price),
                    priceTime,
                    Decimals.plain(value()),
                    Decimals.plain(cost()),
                    Decimals.plain(unrealized()),
                    Decimals.percent(unrealized(), cost()));
        }
    }
}
