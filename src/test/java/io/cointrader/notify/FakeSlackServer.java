package io.cointrader.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A Slack webhook endpoint on a random loopback port: scripted replies, recorded requests. */
final class FakeSlackServer implements AutoCloseable {

    /** One request as the server saw it, with the test clock's time at arrival. */
    record Received(String path, String contentType, String body, Instant at) {}

    /** A scripted reply; {@link #hang()} never answers until the server closes. */
    record Reply(int status, String body, String retryAfter, boolean hangs) {
        static Reply ok() {
            return new Reply(200, "ok", null, false);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, null, false);
        }

        static Reply rateLimited(String retryAfter) {
            return new Reply(429, "rate_limited", retryAfter, false);
        }

        static Reply hang() {
            return new Reply(0, "", null, true);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Clock clock;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private Reply fallbackReply = Reply.ok();

    FakeSlackServer(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The next replies, in order; after them every request gets {@link #otherwise}. */
    synchronized FakeSlackServer replies(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    synchronized FakeSlackServer otherwise(Reply reply) {
        fallbackReply = reply;
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits (bounded) until at least n requests arrived. */
    synchronized List<Received> awaitRequests(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " requests, got " + received.size());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body,
                    clock.instant()));
            reply = script.isEmpty() ? fallbackReply : script.removeFirst();
            notifyAll();
        }
        if (reply.hangs()) {
            try {
                released.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
