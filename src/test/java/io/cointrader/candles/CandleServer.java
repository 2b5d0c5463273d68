package io.cointrader.candles;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cointrader.core.Candle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Upbit's candle endpoints on a random loopback port, serving fixture candles of one market as Upbit
 * does: newest first, at most {@code count}, strictly before {@code to}, with a {@code Remaining-Req}
 * header. A fault script may answer any request differently. Records every request with the time of
 * the (test) clock at arrival.
 */
public final class CandleServer implements AutoCloseable {

    /** One request as received. */
    public record Hit(String path, String rawQuery, String market, Instant to, int count, Instant at) {}

    /** A scripted answer. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply status(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    /** Decides, per request (0-based over the server's life), whether to answer other than normally. */
    @FunctionalInterface
    public interface Faults {
        Optional<Reply> replyTo(int index, Hit hit);
    }

    /** {@code sec} of the Remaining-Req header for the request at {@code index}. */
    @FunctionalInterface
    public interface Remaining {
        int sec(int index);
    }

    private static final DateTimeFormatter UPBIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Clock clock;
    private final String market;
    private final Map<String, List<Candle>> byPath = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private volatile Faults faults = (index, hit) -> Optional.empty();
    private volatile Remaining remaining = index -> 9;

    public CandleServer(Clock clock, String market) {
        this.clock = clock;
        this.market = market;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code candles} (ascending) at {@code interval}'s path. */
    public CandleServer serve(CandleInterval interval, List<Candle> candles) {
        byPath.put(interval.path(), List.copyOf(candles));
        return this;
    }

    public CandleServer faults(Faults faults) {
        this.faults = faults;
        return this;
    }

    public CandleServer remaining(Remaining remaining) {
        this.remaining = remaining;
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getPath();
            Instant to = query.containsKey("to") ? Instant.parse(query.get("to")) : null;
            int count = Integer.parseInt(query.getOrDefault("count", "1"));
            int index = hits.size();
            Hit hit = new Hit(
                    path, exchange.getRequestURI().getRawQuery(), query.get("market"), to, count, clock.instant());
            hits.add(hit);
            exchange.getResponseHeaders().add("Remaining-Req", "group=candles; min=600; sec=" + remaining.sec(index));
            Reply reply = faults.replyTo(index, hit).orElseGet(() -> normal(path, hit));
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Reply normal(String path, Hit hit) {
        List<Candle> candles = byPath.get(path);
        if (candles == null || !market.equals(hit.market())) {
            return Reply.status(404, "{\"error\":{\"name\":404,\"message\":\"Code not found\"}}");
        }
        if (hit.count() < 1 || hit.count() > 200) {
            return Reply.status(400, "{\"error\":{\"name\":\"validation_error\",\"message\":\"count\"}}");
        }
        List<Candle> before = new ArrayList<>();
        for (Candle c : candles) {
            if (hit.to() == null || c.openTime().isBefore(hit.to())) {
                before.add(c);
            }
        }
        List<Candle> page = before.subList(Math.max(0, before.size() - hit.count()), before.size());
        StringBuilder json = new StringBuilder("[");
        for (int i = page.size() - 1; i >= 0; i--) {
            json.append(json.length() > 1 ? "," : "").append(json(page.get(i), path));
        }
        return Reply.status(200, json.append(']').toString());
    }

    private String json(Candle c, String path) {
        LocalDateTime utc = LocalDateTime.ofInstant(c.openTime(), ZoneOffset.UTC);
        String extra = path.endsWith("/days")
                ? ",\"prev_closing_price\":" + c.open().toPlainString() + ",\"change_price\":0,\"change_rate\":0"
                : ",\"unit\":" + path.substring(path.lastIndexOf('/') + 1);
        return "{\"market\":\"" + market + "\",\"candle_date_time_utc\":\"" + UPBIT_TIME.format(utc)
                + "\",\"candle_date_time_kst\":\"" + UPBIT_TIME.format(utc.plusHours(9)) + "\",\"opening_price\":"
                + c.open().toPlainString() + ",\"high_price\":" + c.high().toPlainString() + ",\"low_price\":"
                + c.low().toPlainString() + ",\"trade_price\":" + c.close().toPlainString() + ",\"timestamp\":"
                + (c.openTime().toEpochMilli() + 59_000) + ",\"candle_acc_trade_price\":1.5"
                + ",\"candle_acc_trade_volume\":" + c.volume().toPlainString() + extra + "}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
