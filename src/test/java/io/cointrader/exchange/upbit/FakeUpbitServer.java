package io.cointrader.exchange.upbit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * A scriptable Upbit on a random loopback port: per path a queue of replies (the last one repeats),
 * and a record of every request received.
 */
final class FakeUpbitServer implements AutoCloseable {

    /** What a request looked like on the wire. */
    record Received(String method, String path, String rawQuery, Headers headers, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A scripted reply; {@code declaredLength > body.length} truncates the body on the wire, {@code
     * hang} holds the answer until the server closes, {@code drop} closes the connection unanswered.
     */
    record Reply(
            int status,
            byte[] body,
            Map<String, String> headers,
            boolean gzip,
            int declaredLength,
            boolean hang,
            boolean drop) {

        static Reply json(int status, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Reply(
                    status, bytes, Map.of("Content-Type", "application/json"), false, bytes.length, false, false);
        }

        static Reply ok(String body) {
            return json(200, body);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, Map.copyOf(all), gzip, declaredLength, hang, drop);
        }

        Reply gzipped() {
            return new Reply(status, body, headers, true, declaredLength, hang, drop);
        }

        Reply truncatedTo(int sent) {
            byte[] part = java.util.Arrays.copyOf(body, sent);
            return new Reply(status, part, headers, gzip, body.length, hang, drop);
        }

        static Reply hanging() {
            return new Reply(200, new byte[0], Map.of(), false, 0, true, false);
        }

        static Reply dropped() {
            return new Reply(200, new byte[0], Map.of(), false, 0, false, true);
        }
    }

    /** Placeholder in a reply body that the server replaces by the request's Authorization header. */
    static final String ECHO = "{{authorization}}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    FakeUpbitServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues replies for a path; the last queued reply keeps being served. */
    FakeUpbitServer on(String path, Reply... script) {
        replies.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(script));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        received.add(new Received(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                requestBody));
        Reply reply = next(path);
        try (exchange) {
            if (reply.hang()) {
                awaitRelease();
                return;
            }
            if (reply.drop()) {
                return; // closing an exchange that sent no headers closes the connection unanswered
            }
            byte[] plain = echoAuthorization(reply.body(), exchange);
            boolean echoed = plain != reply.body();
            byte[] body = reply.gzip() ? gzip(plain) : plain;
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (reply.gzip()) {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            int length = reply.gzip() || echoed ? body.length : reply.declaredLength();
            exchange.sendResponseHeaders(reply.status(), length == 0 ? -1 : length);
            if (body.length > 0) {
                OutputStream out = exchange.getResponseBody();
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // a truncated reply ends here on purpose: the connection is dropped mid-body
        }
    }

    /** Replaces {@value #ECHO} in a plain body by the request's Authorization header, as a careless server might. */
    private static byte[] echoAuthorization(byte[] body, HttpExchange exchange) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.contains(ECHO)) {
            return body;
        }
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        return text.replace(ECHO, authorization).getBytes(StandardCharsets.UTF_8);
    }

    private synchronized Reply next(String path) {
        Deque<Reply> queue = replies.get(path);
        if (queue == null || queue.isEmpty()) {
            return Reply.json(404, "{\"error\":{\"name\":404,\"message\":\"Code not found\"}}");
        }
        return queue.size() > 1 ? queue.removeFirst() : queue.peekFirst();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
