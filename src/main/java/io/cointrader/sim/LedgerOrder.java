package io.cointrader.sim;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One simulated limit order while the ledger owns it. Fee maths: the fee reserved at placement is
 * price x volume x rate; each fill pays funds x rate out of it, so a full fill uses exactly the
 * reserve. Not thread-safe: the {@link Ledger} lock guards it.
 */
final class LedgerOrder {

    enum State {
        WAIT,
        DONE,
        CANCEL;

        String upbitName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String uuid = UUID.randomUUID().toString();
    private final long sequence;
    private final String accessKey;
    private final OrderForm form;
    private final BigDecimal feeRate;
    private final BigDecimal reservedFee;
    private final Instant createdAt;
    private final List<SimTrade> trades = new ArrayList<>();
    private BigDecimal executedVolume = BigDecimal.ZERO;
    private BigDecimal executedFunds = BigDecimal.ZERO;
    private BigDecimal paidFee = BigDecimal.ZERO;
    private State state = State.WAIT;
    private boolean cancelRequested;

    LedgerOrder(long sequence, String accessKey, OrderForm form, BigDecimal feeRate, Instant createdAt) {
        this.sequence = sequence;
        this.accessKey = accessKey;
        this.form = form;
        this.feeRate = feeRate;
        this.reservedFee = form.total().multiply(feeRate);
        this.createdAt = createdAt;
    }

    /** What placing the order locks: KRW including the fee for a bid, the coins for an ask. */
    static BigDecimal lockFor(OrderForm form, BigDecimal feeRate) {
        return form.side() == Side.BUY ? form.total().add(form.total().multiply(feeRate)) : form.volume();
    }

    /** Records a fill and returns it; the ledger moves the money. */
    SimTrade fill(BigDecimal volume, Instant stamp, Instant marketTime, boolean priceRose) {
        BigDecimal funds = form.price().multiply(volume);
        BigDecimal fee = funds.multiply(feeRate);
        SimTrade trade = new SimTrade(
                UUID.randomUUID().toString(),
                uuid,
                form.symbol(),
                form.side(),
                form.price(),
                volume,
                funds,
                fee,
                priceRose,
                stamp,
                marketTime);
        trades.add(trade);
        executedVolume = executedVolume.add(volume);
        executedFunds = executedFunds.add(funds);
        paidFee = paidFee.add(fee);
        if (remainingVolume().signum() == 0) {
            state = State.DONE;
        }
        return trade;
    }

    /** Ends the order as cancelled and returns what it still locked. */
    BigDecimal cancel() {
        BigDecimal released = locked();
        state = State.CANCEL;
        cancelRequested = false;
        return released;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    boolean isOpen() {
        return state == State.WAIT;
    }

    BigDecimal remainingVolume() {
        return form.volume().subtract(executedVolume);
    }

    BigDecimal remainingFee() {
        return reservedFee.subtract(paidFee);
    }

    /** KRW still held (price x remaining volume + remaining fee) for a bid, coins for an ask. */
    BigDecimal locked() {
        if (state != State.WAIT) {
            return BigDecimal.ZERO;
        }
        return form.side() == Side.BUY
                ? form.price().multiply(remainingVolume()).add(remainingFee())
                : remainingVolume();
    }

    String uuid() {
        return uuid;
    }

    long sequence() {
        return sequence;
    }

    String accessKey() {
        return accessKey;
    }

    String identifier() {
        return form.identifier();
    }

    Symbol symbol() {
        return form.symbol();
    }

    Side side() {
        return form.side();
    }

    BigDecimal price() {
        return form.price();
    }

    SimOrder snapshot() {
        return new SimOrder(
                uuid,
                form.identifier(),
                accessKey,
                form.symbol(),
                form.side(),
                form.price(),
                form.volume(),
                remainingVolume(),
                executedVolume,
                executedFunds,
                reservedFee,
                remainingFee(),
                paidFee,
                locked(),
                state.upbitName(),
                cancelRequested,
                createdAt,
                trades);
    }
}
