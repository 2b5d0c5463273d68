package io.cointrader.exchange.upbit;

import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.UnsupportedEndpointException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads {@code GET /v1/orders/closed} (done and cancelled orders of every market) over any span.
 * Upbit answers one window of at most 7 days of creation time and at most {@value #PAGE_LIMIT} orders,
 * with no paging: the span is cut into windows, and a window that comes back full is split in halves
 * and asked again, so no order is lost to the limit. Neighbouring windows share their boundary
 * millisecond (whether Upbit's bounds are inclusive is not documented); the overlap is removed by
 * uuid.
 *
 * <p>Times go out as epoch milliseconds: they need no escaping, so the hashed and the sent query are
 * the same text (upbit-api.md section 8, pitfall 2).
 */
final class ClosedOrderWindows {

    /** Upbit's limit per window, and what we ask for. */
    static final int PAGE_LIMIT = 1000;

    /** A second short of Upbit's 7 days, so that whether its limit is inclusive does not matter. */
    static final Duration MAX_WINDOW = Duration.ofDays(7).minusSeconds(1);

    /** Requests one read may make: windows of a long span plus the splits of full ones. */
    static final int MAX_REQUESTS = 100;

    /** Upbit reads a start or end time of fewer than 13 digits as something else than milliseconds. */
    static final Instant EARLIEST = Instant.ofEpochMilli(1_000_000_000_000L);

    private static final String PATH = "/v1/orders/closed";

    private record Window(long fromMillis, long toMillis) {
        boolean splittable() {
            return toMillis - fromMillis >= 2;
        }
    }

    private final UpbitHttp http;
    private final UpbitJwtSigner signer;

    ClosedOrderWindows(UpbitHttp http, UpbitJwtSigner signer) {
        this.http = http;
        this.signer = signer;
    }

    /**
     * Every closed order created from {@code from} to {@code to}, newest first, each once.
     *
     * @throws IllegalArgumentException before anything is sent, when {@code from} is after {@code to},
     *     before {@link #EARLIEST}, or the span needs more than {@value #MAX_REQUESTS} windows
     * @throws UnsupportedEndpointException when the server answers 404 for the path
     * @throws ExchangeUnavailableException when more than {@value #MAX_REQUESTS} requests would be needed
     *     (over 1000 orders in one millisecond, or a server that ignores the window), or an entry is not
     *     a closed order
     */
    List<ExchangeOrder> read(Instant from, Instant to) {
        Deque<Window> pending = windows(from, to);
        Map<String, ExchangeOrder> byUuid = new LinkedHashMap<>();
        for (int requests = 1; !pending.isEmpty(); requests++) {
            if (requests > MAX_REQUESTS) {
                throw new ExchangeUnavailableException("Upbit GET " + PATH + ": more than " + MAX_REQUESTS
                        + " requests for closed orders from " + from + " to " + to);
            }
            Window window = pending.pop();
            List<ExchangeOrder> batch = fetch(window);
            if (batch.size() >= PAGE_LIMIT) {
                if (!window.splittable()) {
                    throw new ExchangeUnavailableException(
                            "Upbit GET " + PATH + ": " + PAGE_LIMIT + " closed orders within one millisecond");
                }
                long middle = window.fromMillis() + (window.toMillis() - window.fromMillis()) / 2;
                pending.push(new Window(window.fromMillis(), middle));
                pending.push(new Window(middle, window.toMillis()));
                continue;
            }
            for (ExchangeOrder order : batch) {
                if (order.isOpen()) {
                    throw UpbitJson.malformed("closed orders", "entry that is still open");
                }
                byUuid.putIfAbsent(order.uuid(), order);
            }
        }
        return List.copyOf(byUuid.values());
    }

    /** The span in windows of at most {@link #MAX_WINDOW}, the newest on top. */
    private static Deque<Window> windows(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to) || from.isBefore(EARLIEST)) {
            throw new IllegalArgumentException(
                    "closed orders need from <= to, both after " + EARLIEST + ", got " + from + " .. " + to);
        }
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli() + (to.getNano() % 1_000_000 == 0 ? 0 : 1);
        List<Window> oldestFirst = new ArrayList<>();
        long start = fromMillis;
        do {
            long end = Math.min(toMillis, start + MAX_WINDOW.toMillis());
            oldestFirst.add(new Window(start, end));
            start = end;
        } while (start < toMillis && oldestFirst.size() <= MAX_REQUESTS);
        if (oldestFirst.size() > MAX_REQUESTS) {
            throw new IllegalArgumentException("closed orders from " + from + " to " + to + " span more than "
                    + MAX_REQUESTS + " windows of " + MAX_WINDOW.toHours() + " hours");
        }
        Deque<Window> stack = new ArrayDeque<>();
        oldestFirst.forEach(stack::push);
        return stack;
    }

    private List<ExchangeOrder> fetch(Window window) {
        List<UpbitRequest.Param> query = new ArrayList<>(UpbitRequest.Param.array("states", List.of("done", "cancel")));
        query.addAll(UpbitRequest.params(
                "start_time", Long.toString(window.fromMillis()),
                "end_time", Long.toString(window.toMillis()),
                "limit", Integer.toString(PAGE_LIMIT),
                "order_by", "desc"));
        UpbitRequest request = UpbitRequest.get(PATH, RateGroup.DEFAULT, query);
        try {
            return http.read(request, signer, PrivateParser::orders);
        } catch (UpbitNotFoundException e) {
            throw new UnsupportedEndpointException(
                    request.label() + " is not served here (HTTP 404): closed orders cannot be listed", e);
        }
    }
}
