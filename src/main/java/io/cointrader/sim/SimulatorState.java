package io.cointrader.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of the simulator for tests and reports: orders, fills and balances per account,
 * and the requests received. Every call returns a consistent snapshot taken under the ledger's lock.
 */
public final class SimulatorState {

    private final Ledger ledger;
    private final RequestLog log;
    private final SimClock marketClock;

    SimulatorState(Ledger ledger, RequestLog log, SimClock marketClock) {
        this.ledger = ledger;
        this.log = log;
        this.marketClock = marketClock;
    }

    /** The configured access keys. */
    public Set<String> accessKeys() {
        return Set.copyOf(ledger.accessKeys());
    }

    /** Every order of the account, in placement order. */
    public List<SimOrder> orders(String accessKey) {
        requireAccount(accessKey);
        return ledger.orders(accessKey);
    }

    public Optional<SimOrder> order(String uuid) {
        return ledger.order(uuid);
    }

    /** Every fill of the account's orders, in the order they happened. */
    public List<SimTrade> trades(String accessKey) {
        requireAccount(accessKey);
        return ledger.trades(accessKey);
    }

    /** Every currency the account has held, KRW included, zero balances too. */
    public List<SimBalance> balances(String accessKey) {
        requireAccount(accessKey);
        return ledger.balances(accessKey);
    }

    /** One currency of the account; all zero when it never held any. */
    public SimBalance balance(String accessKey, String currency) {
        return balances(accessKey).stream()
                .filter(b -> b.currency().equals(currency))
                .findFirst()
                .orElse(new SimBalance(currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** The newest requests received (at most {@value RequestLog#CAPACITY}), oldest first. */
    public List<SeenRequest> requests() {
        return log.all();
    }

    /** The received requests of one URL path, oldest first. */
    public List<SeenRequest> requests(String path) {
        return log.all().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The market time now. */
    public Instant marketTime() {
        return marketClock.now();
    }

    private void requireAccount(String accessKey) {
        if (!ledger.accessKeys().contains(accessKey)) {
            throw new IllegalArgumentException("no simulated account has access key " + accessKey);
        }
    }
}
