package io.cointrader.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Writes a {@link Reply} to the wire, or deliberately fails to: a lost answer closes the connection
 * without a response, a truncated body announces its full length and sends half, a malformed body
 * sends half the JSON as if it were all of it.
 */
final class Responder {

    private Responder() {}

    /**
     * @param headers extra response headers, name then value
     */
    static void send(HttpExchange exchange, Reply reply, FaultPlan plan, String... headers) {
        try (exchange) {
            if (plan.losesAnswer()) {
                pause(plan.loseAnswerAfter());
                return;
            }
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            byte[] body = reply.body();
            byte[] half = Arrays.copyOf(body, body.length / 2);
            switch (plan.body()) {
                case MALFORMED -> write(exchange, reply.status(), half, half.length);
                case TRUNCATED -> write(exchange, reply.status(), half, body.length);
                case NONE -> write(exchange, reply.status(), body, body.length);
            }
        } catch (IOException e) {
            // The client went away, or a truncated body ended here on purpose; nothing to answer.
        }
    }

    /** Waits {@code duration}; false when interrupted (the server is stopping). */
    static boolean pause(Duration duration) {
        if (duration.isZero()) {
            return true;
        }
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void write(HttpExchange exchange, int status, byte[] bytes, int declaredLength) throws IOException {
        exchange.sendResponseHeaders(status, declaredLength == 0 ? -1 : declaredLength);
        if (bytes.length > 0) {
            OutputStream out = exchange.getResponseBody();
            out.write(bytes);
            out.flush();
        }
    }
}
