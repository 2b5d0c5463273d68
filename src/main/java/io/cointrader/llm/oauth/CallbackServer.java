package io.cointrader.llm.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cointrader.core.Secret;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A one-shot loopback server for the OAuth redirect: it takes the first request to {@code
 * /auth/callback}, answers a small page, and stops. A wrong state, an error from the issuer or a
 * missing code fails the login.
 */
public final class CallbackServer implements AutoCloseable {

    private final HttpServer server;
    private final String expectedState;
    private final CompletableFuture<Secret> result = new CompletableFuture<>();

    private CallbackServer(HttpServer server, String expectedState) {
        this.server = server;
        this.expectedState = expectedState;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    public static CallbackServer start(int port, String expectedState) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            CallbackServer callback = new CallbackServer(server, expectedState);
            server.createContext(AuthorizeUrl.CALLBACK_PATH, callback::handle);
            server.start();
            return callback;
        } catch (IOException e) {
            throw new LlmException(
                    Kind.AUTH,
                    "cannot listen for the login callback on 127.0.0.1:" + port
                            + " (is another login or the Codex CLI running?): " + e.getMessage(),
                    null,
                    e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Waits for the callback and returns the authorization code; the server is stopped either way. */
    public Secret awaitCode(Duration timeout) {
        try {
            return result.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LlmException(Kind.TIMEOUT, "no login callback within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(Kind.TIMEOUT, "interrupted while waiting for the login callback");
        } catch (ExecutionException e) {
            throw (LlmException) e.getCause();
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (result.isDone() || !"GET".equals(exchange.getRequestMethod())) {
            respond(exchange, 404, "Not found.");
            return;
        }
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        String error = query.get("error");
        if (error != null) {
            String description = clean(query.getOrDefault("error_description", ""));
            respond(exchange, 400, "Login failed: " + clean(error) + " " + description);
            result.completeExceptionally(
                    new LlmException(Kind.AUTH, "login refused by the issuer: " + clean(error) + hint(description)));
        } else if (!stateMatches(query.get("state"))) {
            respond(exchange, 400, "State mismatch.");
            result.completeExceptionally(
                    new LlmException(Kind.AUTH, "login callback had the wrong state (State mismatch); try again"));
        } else if (query.getOrDefault("code", "").isEmpty()) {
            respond(exchange, 400, "Missing authorization code.");
            result.completeExceptionally(new LlmException(Kind.AUTH, "login callback carried no code"));
        } else {
            respond(exchange, 200, "Login complete. You can close this tab.");
            result.complete(Secret.of(query.get("code")));
        }
    }

    private boolean stateMatches(String state) {
        return state != null
                && MessageDigest.isEqual(
                        state.getBytes(StandardCharsets.UTF_8), expectedState.getBytes(StandardCharsets.UTF_8));
    }

    private static String hint(String description) {
        String text = description.isEmpty() ? "" : " (" + description + ")";
        if (description.contains("missing_codex_entitlement")) {
            return text + "; this workspace has no Codex access";
        }
        return text;
    }

    private static void respond(HttpExchange exchange, int status, String message) {
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>coin-trader login</title></head>"
                        + "<body><p>" + escapeHtml(message) + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The browser went away; the login outcome is decided by the query, not by this page.
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> fields = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.putIfAbsent(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** Issuer text shown to the user: printable characters only, bounded. */
    static String clean(String text) {
        String printable = text.replaceAll("[^\\p{Print}]", " ").strip();
        return printable.length() > 300 ? printable.substring(0, 300) + "..." : printable;
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
