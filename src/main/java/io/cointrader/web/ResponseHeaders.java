package io.cointrader.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BiConsumer;

/** The headers every answer carries, and the cache rule of the API. */
final class ResponseHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    static final Map<String, String> SECURITY = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private ResponseHeaders() {}

    /** Sets the security headers, and {@code Cache-Control: no-store} under {@code /api}. */
    static void apply(Context ctx) {
        apply(ctx.path(), ctx::header);
        if ("CONNECT".equals(ctx.req().getMethod())) {
            // Jetty reads a CONNECT request's content up to the end of the stream (a tunnel): closing
            // the connection after the refusal keeps it from waiting out the idle timeout
            ctx.header("Connection", "close");
        }
    }

    static void apply(String path, BiConsumer<String, String> header) {
        SECURITY.forEach(header);
        if (isApi(path)) {
            header.accept("Cache-Control", "no-store");
        }
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
