package io.cointrader.exchange.upbit;

import io.cointrader.core.Symbol;
import io.cointrader.exchange.AccountBalance;
import io.cointrader.exchange.ApiKeyInfo;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.OrderChance;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.OrderRequest;
import io.cointrader.exchange.OutcomeUnknownException;
import io.cointrader.exchange.PrivateExchange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@link PrivateExchange} over Upbit's exchange REST API, every call signed by {@link UpbitJwtSigner}.
 * Reads (rate group {@code default}, the API key list included) are retried by {@link UpbitHttp#read}; the order POST (group
 * {@code order}) and the cancel DELETE (group {@code default}) go through {@link UpbitHttp#send} and
 * are sent exactly once.
 */
public final class UpbitPrivateClient implements PrivateExchange {

    /** Most orders one {@code /v1/orders/open} page returns. */
    static final int OPEN_ORDERS_PAGE_SIZE = 100;

    /** A guard against a server that ignores {@code page}: 50 full pages are 5,000 resting orders. */
    static final int MAX_OPEN_ORDER_PAGES = 50;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern UUID_TEXT = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_VOLUME_DECIMALS = 8;

    private final UpbitHttp http;
    private final UpbitJwtSigner signer;
    private final ClosedOrderWindows closedOrders;

    public UpbitPrivateClient(UpbitHttp http, UpbitCredentials credentials) {
        this(http, new UpbitJwtSigner(credentials));
    }

    /** With a signer of its own, e.g. one with scripted nonces. */
    public UpbitPrivateClient(UpbitHttp http, UpbitJwtSigner signer) {
        this.http = http;
        this.signer = signer;
        this.closedOrders = new ClosedOrderWindows(http, signer);
    }

    @Override
    public List<AccountBalance> accounts() {
        return http.read(UpbitRequest.get("/v1/accounts", RateGroup.DEFAULT), signer, PrivateParser::accounts);
    }

    @Override
    public OrderChance chance(Symbol symbol) {
        return http.read(
                UpbitRequest.get("/v1/orders/chance", RateGroup.DEFAULT, "market", symbol.marketCode()),
                signer,
                body -> PrivateParser.chance(body, symbol));
    }

    /**
     * Sends one limit order, body fields in the order {@code market, side, volume, price, ord_type,
     * identifier} (the {@code query_hash} is built from the same list). When the answer leaves out the
     * identifier, the returned order carries ours.
     *
     * @throws IllegalArgumentException before anything is sent, when price or volume is not positive,
     *     the volume has more than eight decimals, or the symbol is a derivative
     * @throws io.cointrader.exchange.RateLimitedException on 429 or a 418 block: the order was not created
     * @throws io.cointrader.exchange.AuthFailedException when the credentials are refused (by Upbit's error
     *     name, else 401/403): the order was not created
     * @throws io.cointrader.exchange.MarketUnavailableException on {@code market_offline} and the like: the
     *     order was not created
     */
    @Override
    public ExchangeOrder placeOrder(OrderRequest request) {
        UpbitRequest post = UpbitRequest.post("/v1/orders", RateGroup.ORDER, orderFields(request));
        ExchangeOrder order = http.send(post, signer, PrivateParser::order);
        return order.identifier() != null ? order : withIdentifier(order, request.identifier());
    }

    /** 404 {@code order_not_found} is empty; every other failure throws. */
    @Override
    public Optional<ExchangeOrder> orderByIdentifier(String identifier) {
        return lookup("identifier", requireIdentifier(identifier));
    }

    /** 404 {@code order_not_found} is empty; every other failure throws. */
    @Override
    public Optional<ExchangeOrder> orderByUuid(String uuid) {
        if (uuid == null || !UUID_TEXT.matcher(uuid).matches()) {
            throw new IllegalArgumentException("an Upbit order uuid is 1-64 of [A-Za-z0-9-]");
        }
        return lookup("uuid", uuid);
    }

    /**
     * Pages of {@value #OPEN_ORDERS_PAGE_SIZE} until a short page. Orders that move between pages while
     * paging appear once (by uuid); one that fills in that moment may be missed, as with any paged read.
     *
     * @throws ExchangeUnavailableException when the answer names another market or never ends
     */
    @Override
    public List<ExchangeOrder> openOrders(Symbol symbol) {
        return openOrderPages(UpbitRequest.params("market", symbol.marketCode()), symbol.toString(), order -> {
            if (!order.symbol().equals(symbol)) {
                throw UpbitJson.malformed("open orders", "entry for another market");
            }
        });
    }

    /**
     * As {@link #openOrders(Symbol)}, without {@code market}: Upbit then lists every market.
     *
     * @throws ExchangeUnavailableException when the answer never ends
     */
    @Override
    public List<ExchangeOrder> allOpenOrders() {
        return openOrderPages(List.of(), "the account", order -> {});
    }

    /**
     * Windows of at most 7 days, split while Upbit returns a full page of 1,000; see {@link
     * ClosedOrderWindows}. Orders created at exactly {@code from} or {@code to} are included if Upbit's
     * bounds are inclusive (not documented).
     *
     * @throws IllegalArgumentException before anything is sent, when {@code from} is after {@code to},
     *     before 2001-09-09, or the span is longer than about two years
     * @throws io.cointrader.exchange.UnsupportedEndpointException when the server answers 404 for
     *     {@code /v1/orders/closed} (simulators before this endpoint did)
     */
    @Override
    public List<ExchangeOrder> closedOrders(Instant from, Instant to) {
        return closedOrders.read(from, to);
    }

    /**
     * Sends the cancel once, parameters in the query string only.
     *
     * @throws OrderRejectedException when Upbit has no such order (404), or refuses the cancel
     * @throws ExchangeUnavailableException when no clear answer came back: the cancel may or may not
     *     have been accepted, so read the order to learn its state
     */
    @Override
    public ExchangeOrder cancelByIdentifier(String identifier) {
        UpbitRequest delete = UpbitRequest.delete(
                "/v1/order", RateGroup.DEFAULT, UpbitRequest.params("identifier", requireIdentifier(identifier)));
        try {
            return http.send(delete, signer, PrivateParser::order);
        } catch (UpbitOrderNotFoundException e) {
            throw new OrderRejectedException(delete.label() + ": order not found", e);
        } catch (OutcomeUnknownException e) {
            throw new ExchangeUnavailableException(e.getMessage(), e);
        }
    }

    /** Rate group {@code default}, no parameters (so the token has no {@code query_hash}); read and retried as any read. */
    @Override
    public List<ApiKeyInfo> apiKeys() {
        return http.read(UpbitRequest.get("/v1/api_keys", RateGroup.DEFAULT), signer, ApiKeysParser::apiKeys);
    }

    private Optional<ExchangeOrder> lookup(String name, String value) {
        try {
            return Optional.of(http.read(
                    UpbitRequest.get("/v1/order", RateGroup.DEFAULT, name, value), signer, PrivateParser::order));
        } catch (UpbitOrderNotFoundException e) {
            return Optional.empty();
        }
    }

    private List<ExchangeOrder> openOrderPages(
            List<UpbitRequest.Param> filter, String whose, Consumer<ExchangeOrder> check) {
        Map<String, ExchangeOrder> byUuid = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_OPEN_ORDER_PAGES; page++) {
            List<ExchangeOrder> batch = http.read(openOrdersPage(filter, page), signer, PrivateParser::orders);
            for (ExchangeOrder order : batch) {
                check.accept(order);
                byUuid.putIfAbsent(order.uuid(), order);
            }
            if (batch.size() < OPEN_ORDERS_PAGE_SIZE) {
                return List.copyOf(byUuid.values());
            }
        }
        throw new ExchangeUnavailableException("Upbit GET /v1/orders/open: more than "
                + MAX_OPEN_ORDER_PAGES * OPEN_ORDERS_PAGE_SIZE + " open orders for " + whose);
    }

    private static UpbitRequest openOrdersPage(List<UpbitRequest.Param> filter, int page) {
        List<UpbitRequest.Param> query = new ArrayList<>(filter);
        query.addAll(UpbitRequest.params(
                "state", "wait", "page", Integer.toString(page), "limit", Integer.toString(OPEN_ORDERS_PAGE_SIZE)));
        return UpbitRequest.get("/v1/orders/open", RateGroup.DEFAULT, query);
    }

    private static List<UpbitRequest.Param> orderFields(OrderRequest request) {
        if (request.symbol().isDerivative()) {
            throw new IllegalArgumentException("Upbit has no derivative markets: " + request.symbol());
        }
        return UpbitRequest.params(
                "market", request.symbol().marketCode(),
                "side", request.side().upbitName(),
                "volume", plain(request.volume(), "volume", MAX_VOLUME_DECIMALS),
                "price", plain(request.price(), "price", Integer.MAX_VALUE),
                "ord_type", "limit",
                "identifier", request.identifier());
    }

    /** The number as Upbit reads it: no exponent, no trailing zeros. */
    private static String plain(BigDecimal value, String name, int maxDecimals) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() <= 0) {
            throw new IllegalArgumentException("order " + name + " must be positive, got " + value);
        }
        if (stripped.scale() > maxDecimals) {
            throw new IllegalArgumentException(
                    "order " + name + " has more than " + maxDecimals + " decimals: " + value.toPlainString());
        }
        return stripped.toPlainString();
    }

    private static String requireIdentifier(String identifier) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("an order identifier is 1-64 of [A-Za-z0-9_-]");
        }
        return identifier;
    }

    private static ExchangeOrder withIdentifier(ExchangeOrder o, String identifier) {
        return new ExchangeOrder(
                o.uuid(),
                identifier,
                o.symbol(),
                o.side(),
                o.ordType(),
                o.price(),
                o.state(),
                o.volume(),
                o.remainingVolume(),
                o.executedVolume(),
                o.paidFee(),
                o.createdAt(),
                o.trades());
    }
}
