package io.cointrader.state;

import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The account as one tick saw it: balances, positions and the total equity valued in the quote
 * currency at that tick's prices. Stored together so that a reader always sees a consistent set.
 */
public record AccountSnapshot(BalanceSnapshot balances, List<Position> positions, BigDecimal equity, Instant time) {

    public AccountSnapshot {
        Objects.requireNonNull(balances, "balances");
        positions = List.copyOf(positions);
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(time, "time");
    }
}
