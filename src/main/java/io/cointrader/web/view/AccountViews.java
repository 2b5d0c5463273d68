package io.cointrader.web.view;

import io.cointrader.state.AccountSnapshot;
import io.cointrader.state.MetaKeys;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Balances, positions and profit and loss of the account, from the newest account snapshot. "Now" is
 * that snapshot's time (the trading clock, simulated on the replay exchange), never the wall clock.
 */
public final class AccountViews {

    private final StateStore store;
    private final String quoteCurrency;
    private final BigDecimal dustBelow;

    /** @param dustBelow a position worth less than this is dust (the pair's minimum order total) */
    public AccountViews(StateStore store, String quoteCurrency, BigDecimal dustBelow) {
        this.store = Objects.requireNonNull(store, "store");
        this.quoteCurrency = Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        this.dustBelow = Objects.requireNonNull(dustBelow, "dustBelow");
    }

    /** The newest account snapshot split into managed, external and dust; empty before the first tick. */
    public Optional<AccountBreakdown> breakdown() {
        return store.latestAccountSnapshot().map(this::breakdown);
    }

    /** {@code snapshot} split into managed, external and dust, valued at the newest ticks. */
    public AccountBreakdown breakdown(AccountSnapshot snapshot) {
        return AccountBreakdown.of(snapshot, store.lastTicks(), quoteCurrency, dustBelow);
    }

    public BalancesView balances() {
        Optional<AccountBreakdown> account = breakdown();
        if (account.isEmpty()) {
            return new BalancesView(null, List.of());
        }
        List<BalancesView.Row> rows = account.get().currencies().stream()
                .map(AccountViews::balanceRow)
                .toList();
        return new BalancesView(account.get().snapshot().time(), rows);
    }

    public PositionsView positions() {
        Optional<AccountBreakdown> account = breakdown();
        if (account.isEmpty()) {
            return new PositionsView(null, List.of());
        }
        List<PositionsView.Row> rows = account.get().positions().stream()
                .map(AccountViews::positionRow)
                .toList();
        return new PositionsView(account.get().snapshot().time(), rows);
    }

    /**
     * Profit and loss as of the newest snapshot.
     *
     * @param paper whether the account is a paper account, whose inception equity is its initial balance
     *     (else the first recorded day-start equity)
     */
    public PnlView pnl(boolean paper) {
        Optional<AccountBreakdown> latest = breakdown();
        if (latest.isEmpty()) {
            return PnlView.unknown(quoteCurrency);
        }
        AccountSnapshot snapshot = latest.get().snapshot();
        DayPnl today = DayPnl.of(store, snapshot);
        BigDecimal equity = snapshot.equity();
        BigDecimal inception = inceptionEquity(paper);
        BigDecimal sinceInception = inception == null ? null : equity.subtract(inception);
        BigDecimal unrealized = latest.get().positions().stream()
                .map(ValuedPosition::unrealized)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        RealizedPnl realized = RealizedPnl.over(store.allFills());
        Instant dayStartTime = today.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        return new PnlView(
                quoteCurrency,
                snapshot.time(),
                today.day(),
                Decimals.plain(equity),
                Decimals.plain(today.dayStart()),
                Decimals.plain(today.amount()),
                today.percent(),
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

    private static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static BalancesView.Row balanceRow(CurrencyHolding h) {
        return new BalancesView.Row(
                h.currency(),
                Decimals.plain(h.balance().free()),
                Decimals.plain(h.balance().locked()),
                Decimals.plain(h.balance().total()),
                Decimals.plain(h.managed()),
                Decimals.plain(h.external()),
                Decimals.plain(h.externalValue()));
    }

    private static PositionsView.Row positionRow(ValuedPosition p) {
        return new PositionsView.Row(
                p.position().symbol(),
                Decimals.plain(p.position().quantity()),
                Decimals.plain(p.position().averagePrice()),
                Decimals.plain(p.price()),
                p.priceTime(),
                Decimals.plain(p.value()),
                Decimals.plain(p.cost()),
                Decimals.plain(p.unrealized()),
                p.unrealizedPct(),
                p.dust());
    }
}
