package io.cointrader.risk;

import static io.cointrader.risk.Amounts.BPS_PER_UNIT;
import static io.cointrader.risk.Amounts.HUNDRED;
import static io.cointrader.risk.Amounts.format;

import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderType;
import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The risk gate that every order intent passes before a broker sees it. Applies the checks of {@link
 * RiskCheck} in declaration order; the first that fails rejects the intent. A sell that reduces a
 * position (quantity at most the held quantity) is never refused for today's loss, today's order
 * count or the order rate, so the system can always get out (the execution engine spaces orders to keep
 * the rate). Decisions compare exact {@link BigDecimal} products (no
 * division, no rounding); only the numbers in the reasons are rounded.
 *
 * <p>Stateless apart from the immutable limits: safe to share between threads.
 */
public final class RiskManager {

    private final RiskLimits limits;

    public RiskManager(RiskLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public RiskLimits limits() {
        return limits;
    }

    /**
     * Judges one intent.
     *
     * @param state the account as it stands, for the intent's symbol
     * @param now the decision time recorded in the verdict
     * @return APPROVED with check {@value RiskCheck#ALL}, or REJECTED naming the first failing check
     */
    public RiskDecisionRecord validate(OrderIntent intent, RiskState state, Instant now) {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        Request request = new Request(intent, state, intent.notional(state.marketPrice()));
        for (RiskCheck check : RiskCheck.values()) {
            Optional<String> failure = failure(check, request);
            if (failure.isPresent()) {
                return verdict(request, RiskDecision.REJECTED, check.name(), failure.get(), now);
            }
        }
        return verdict(request, RiskDecision.APPROVED, RiskCheck.ALL, "all checks passed", now);
    }

    private Optional<String> failure(RiskCheck check, Request request) {
        return switch (check) {
            case MARKET_ORDER -> marketOrder(request);
            case NO_SHORT -> noShort(request);
            case POSITION_SIZE -> positionSize(request);
            case CAPITAL -> capital(request);
            case MAX_POSITIONS -> maxPositions(request);
            case DAILY_LOSS -> dailyLoss(request);
            case ORDER_RATE -> orderRate(request);
            case DAILY_ORDER_COUNT -> dailyOrderCount(request);
            case DERIVATIVES -> derivatives(request);
            case SLIPPAGE -> slippage(request);
        };
    }

    private Optional<String> marketOrder(Request r) {
        if (r.intent.type() == OrderType.MARKET && !limits.allowMarketOrders()) {
            return Optional.of("market orders are disabled (DEFAULT_ORDER_TYPE=limit); only limit orders are allowed");
        }
        return Optional.empty();
    }

    private Optional<String> noShort(Request r) {
        if (r.intent.side() == Side.SELL && !r.isReducingSell()) {
            return Optional.of("sell of " + format(r.intent.quantity()) + " "
                    + r.intent.symbol().base() + " exceeds the held " + format(r.state.positionQuantity())
                    + "; short selling is not allowed");
        }
        return Optional.empty();
    }

    private Optional<String> positionSize(Request r) {
        if (r.intent.side() != Side.BUY) {
            return Optional.empty();
        }
        RiskState s = r.state;
        if (s.totalEquity().signum() <= 0) {
            return Optional.of(
                    "total equity " + format(s.totalEquity()) + " " + r.quote() + " is not positive; buys are refused");
        }
        BigDecimal exposure = s.positionValue().add(s.pendingBuyValue()).add(r.notional);
        // exposure <= pct% of equity, compared as exposure * 100 <= pct * equity to stay exact.
        if (exposure.multiply(HUNDRED).compareTo(limits.maxPositionSizePct().multiply(s.totalEquity())) <= 0) {
            return Optional.empty();
        }
        BigDecimal cap = limits.maxPositionSizePct().multiply(s.totalEquity()).divide(HUNDRED);
        return Optional.of("position " + format(s.positionValue()) + " + open buys " + format(s.pendingBuyValue())
                + " + order " + format(r.notional) + " = " + format(exposure) + " " + r.quote()
                + " exceeds " + format(limits.maxPositionSizePct()) + "% of equity " + format(s.totalEquity())
                + " " + r.quote() + " (" + format(cap) + " " + r.quote() + ")");
    }

    private Optional<String> capital(Request r) {
        if (r.intent.side() != Side.BUY || limits.maxCapital().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal cap = limits.maxCapital().get();
        BigDecimal invested = r.state.investedValue().add(r.notional);
        if (invested.compareTo(cap) <= 0) {
            return Optional.empty();
        }
        return Optional.of("invested " + format(r.state.investedValue()) + " + order " + format(r.notional) + " = "
                + format(invested) + " " + r.quote() + " exceeds MAX_CAPITAL_KRW " + format(cap) + " " + r.quote());
    }

    private Optional<String> maxPositions(Request r) {
        int held = r.state.heldSymbols().size();
        if (r.intent.side() == Side.BUY
                && !r.state.heldSymbols().contains(r.intent.symbol())
                && held >= limits.maxPositions()) {
            return Optional.of("buying " + r.intent.symbol() + " would add a new symbol while " + held
                    + " are held; the limit is " + limits.maxPositions());
        }
        return Optional.empty();
    }

    private Optional<String> dailyLoss(Request r) {
        if (r.intent.side() != Side.BUY) {
            return Optional.empty(); // every sell reaching this point reduces a position (NO_SHORT)
        }
        BigDecimal dayStart = r.state.dayStartEquity();
        if (dayStart.signum() <= 0) {
            // Fail safe: without a positive day-start equity the drawdown cannot be measured.
            return Optional.of("day-start equity " + format(dayStart) + " " + r.quote()
                    + " is not positive, so today's loss cannot be measured; buys are refused");
        }
        BigDecimal loss = dayStart.subtract(r.state.totalEquity());
        if (loss.multiply(HUNDRED).compareTo(limits.dailyMaxDrawdownPct().multiply(dayStart)) < 0) {
            return Optional.empty();
        }
        return Optional.of("today's loss " + format(loss) + " " + r.quote() + " is "
                + format(Amounts.ratio(loss, dayStart, HUNDRED)) + "% of day-start equity " + format(dayStart)
                + " " + r.quote() + ", reaching the daily limit of " + format(limits.dailyMaxDrawdownPct())
                + "%; buys are refused until the next trading day");
    }

    private Optional<String> orderRate(Request r) {
        if (!r.isReducingSell() && r.state.ordersLastSecond() >= limits.maxOrdersPerSecond()) {
            return Optional.of(r.state.ordersLastSecond() + " order(s) in the last second reached the limit of "
                    + limits.maxOrdersPerSecond() + " per second");
        }
        return Optional.empty();
    }

    private Optional<String> dailyOrderCount(Request r) {
        if (r.isReducingSell() || r.state.ordersToday() < limits.maxOrdersPerDay()) {
            return Optional.empty();
        }
        return Optional.of(r.state.ordersToday() + " orders today reached the limit of " + limits.maxOrdersPerDay()
                + " per day; only sells that reduce a position are allowed");
    }

    private Optional<String> derivatives(Request r) {
        if (r.intent.symbol().isDerivative() && !limits.futuresEnabled()) {
            return Optional.of(r.intent.symbol() + " is a derivative and futures trading is disabled");
        }
        return Optional.empty();
    }

    private Optional<String> slippage(Request r) {
        if (r.intent.type() != OrderType.LIMIT) {
            return Optional.empty(); // a market order has no limit price to compare
        }
        BigDecimal market = r.state.marketPrice();
        BigDecimal distance = r.intent.price().subtract(market).abs();
        // distance / market * 10000 <= bps, compared as distance * 10000 <= bps * market.
        BigDecimal allowed = BigDecimal.valueOf(limits.maxSlippageBps()).multiply(market);
        if (distance.multiply(BPS_PER_UNIT).compareTo(allowed) <= 0) {
            return Optional.empty();
        }
        return Optional.of("limit price " + format(r.intent.price()) + " is "
                + format(Amounts.ratio(distance, market, BPS_PER_UNIT)) + " bps from market price "
                + format(market) + ", more than the allowed " + limits.maxSlippageBps() + " bps");
    }

    private static RiskDecisionRecord verdict(
            Request r, RiskDecision decision, String check, String reason, Instant now) {
        return new RiskDecisionRecord(
                r.intent.intentId(), r.intent.symbol(), r.intent.side(), r.notional, decision, check, reason, now);
    }

    private record Request(OrderIntent intent, RiskState state, BigDecimal notional) {

        boolean isReducingSell() {
            return intent.side() == Side.SELL && intent.quantity().compareTo(state.positionQuantity()) <= 0;
        }

        String quote() {
            return intent.symbol().quote();
        }
    }
}
