package io.cointrader.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Javalin app on 127.0.0.1 behind an {@link AccessGuard}: the session endpoints, a page at {@code /},
 * {@code GET /api/ping}, {@code GET /api/who}, {@code POST /api/echo}, and {@link WebError} as {@code
 * {"error"}} with {@code Retry-After}.
 */
final class GuardedApp implements AutoCloseable {

    private final Javalin app;
    private final AtomicInteger pageViews = new AtomicInteger();
    private final AtomicInteger echoes = new AtomicInteger();

    GuardedApp(AccessGuard guard) {
        app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.before(guard::before);
                    config.routes.get("/api/session", guard::session);
                    config.routes.post("/api/login", guard::login);
                    config.routes.post("/api/logout", guard::logout);
                    config.routes.get("/", ctx -> {
                        pageViews.incrementAndGet();
                        ctx.html("<p>dashboard</p>");
                    });
                    config.routes.get("/login", ctx -> ctx.html("<p>login</p>"));
                    config.routes.get("/assets/app.js", ctx -> ctx.result("// app"));
                    config.routes.get("/api/ping", ctx -> ctx.contentType("application/json")
                            .result("{\"pong\":true}"));
                    config.routes.get("/api/who", ctx -> ctx.result(guard.who(ctx)));
                    config.routes.post("/api/echo", ctx -> {
                        echoes.incrementAndGet();
                        ctx.contentType("application/json").result("{\"echo\":" + quoted(ctx.body()) + "}");
                    });
                    config.routes.exception(WebError.class, (e, ctx) -> {
                        ctx.status(e.status());
                        if (e.retryAfterSeconds() > 0) {
                            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
                        }
                        ctx.contentType("application/json").result("{\"error\":" + quoted(e.getMessage()) + "}");
                    });
                })
                .start("127.0.0.1", 0);
    }

    int port() {
        return app.port();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    int pageViews() {
        return pageViews.get();
    }

    int echoes() {
        return echoes.get();
    }

    /** Sends {@code request} as written (any Host header, any path) and returns the whole answer. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    String rawGet(String path, String host) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        app.stop();
    }
}
