package io.cointrader.exchange;

import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The authenticated part of an exchange (Upbit's "exchange API"): balances, trading rules, orders.
 * Reads may be retried by the implementation; {@link #placeOrder} is never retried: a timeout, a 5xx
 * or a lost answer throws {@link OutcomeUnknownException}, and the caller settles the outcome with
 * {@link #orderByIdentifier}. Every failure is an {@link ExchangeException}; messages never carry
 * keys, tokens or signed headers.
 */
public interface PrivateExchange {

    /** GET /v1/accounts: every currency the account holds (free and locked). */
    List<AccountBalance> accounts();

    /** GET /v1/orders/chance: fees, minimum and maximum order totals, and whether the market trades. */
    OrderChance chance(Symbol symbol);

    /**
     * POST /v1/orders with {@code identifier} = our client order id. Returns the exchange's order as
     * accepted (HTTP 201).
     *
     * @throws InsufficientFundsException or {@link OrderRejectedException} when the order was not created
     * @throws OutcomeUnknownException when the order may or may not exist
     */
    ExchangeOrder placeOrder(OrderRequest request);

    /** GET /v1/order?identifier=: the order with its trades, or empty when the exchange has none. */
    Optional<ExchangeOrder> orderByIdentifier(String identifier);

    /** GET /v1/order?uuid=: the order with its trades, or empty when the exchange has none. */
    Optional<ExchangeOrder> orderByUuid(String uuid);

    /** GET /v1/orders/open for one market (state wait), all pages. */
    List<ExchangeOrder> openOrders(Symbol symbol);

    /** GET /v1/orders/open of every market of the account (state wait), all pages. */
    List<ExchangeOrder> allOpenOrders();

    /**
     * GET /v1/orders/closed of every market: the orders created from {@code from} to {@code to} that
     * have ended ({@code done} or {@code cancel}), newest first, each once, without {@code trades}.
     * Spans longer than the exchange's window, and windows with more orders than one answer holds, are
     * read in several requests.
     *
     * @throws UnsupportedEndpointException when the exchange does not serve the list: the caller must
     *     find orders another way (by identifier)
     */
    List<ExchangeOrder> closedOrders(Instant from, Instant to);

    /**
     * DELETE /v1/order?identifier=: asks to cancel. The cancel is asynchronous: the returned order may
     * still be in state {@code wait}.
     */
    ExchangeOrder cancelByIdentifier(String identifier);

    /**
     * GET /v1/api_keys: the account's API keys and when each expires. Callers treat a failure of this
     * call, an answer they cannot read and a key missing from the list alike, as "expiry unknown",
     * which must never stop trading.
     */
    List<ApiKeyInfo> apiKeys();
}
