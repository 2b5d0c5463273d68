package io.cointrader.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"error": "<one line>"}} with its status: the server's own errors,
 * Javalin's (no route, wrong method, body too large) and anything unexpected, whose details go only to
 * the log.
 */
final class ErrorAnswers {

    static final String INTERNAL_ERROR = "internal error";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);

    private ErrorAnswers() {}

    static void register(RoutesConfig routes) {
        routes.exception(WebError.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            answer(ctx, e.status(), e.getMessage());
        });
        routes.exception(ControlRefusedException.class, (e, ctx) -> answer(ctx, status(e.reason()), e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), message(e.getStatus())));
        routes.exception(Exception.class, (e, ctx) -> {
            int clientError = clientError(e);
            if (clientError > 0) {
                LOG.debug("dashboard request {} {} was malformed", ctx.method(), ctx.path(), e);
                answer(ctx, clientError, message(clientError));
                return;
            }
            LOG.error("dashboard request {} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, 500, INTERNAL_ERROR);
        });
        // a safety net for any error answer that no handler above wrote
        routes.after(ctx -> {
            if (ctx.statusCode() >= 400
                    && !isJson(ctx.res().getContentType())
                    && !ctx.res().isCommitted()) {
                answer(ctx, ctx.statusCode(), message(ctx.statusCode()));
            }
        });
    }

    static void answer(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.json(Map.of("error", message));
    }

    /** For a {@link java.lang.Error} (e.g. out of memory), which bypasses the exception handlers. */
    static void answerError(HttpServletResponse response, Error error) {
        LOG.error("dashboard request failed", error);
        try {
            response.setStatus(500);
            response.setContentType("application/json");
            response.getOutputStream().write(json(INTERNAL_ERROR).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not write the error answer", e);
        }
    }

    /** {@code {"error": message}} for a message known to hold no quote or backslash. */
    static String json(String message) {
        return "{\"error\":\"" + message + "\"}";
    }

    /**
     * The 4xx status of a failure Jetty raised for a malformed request (e.g. a broken chunked body while
     * it was read, a body in an unknown charset), else 0.
     */
    static int clientError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode();
            }
            if (t instanceof UnsupportedCharsetException || t instanceof IllegalCharsetNameException) {
                // the body was declared in a charset this server cannot read
                return 415;
            }
        }
        return 0;
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "login required";
            case 403 -> "forbidden";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 408 -> "request timeout";
            case 413 -> "request body too large (at most 16 KiB)";
            case 414 -> "request URI too long";
            case 415 -> "unsupported media type (send application/json)";
            case 431 -> "request headers too large";
            case 503 -> "service unavailable";
            case 505 -> "HTTP version not supported";
            default -> status >= 500 ? INTERNAL_ERROR : "request refused";
        };
    }

    private static int status(ControlRefusedException.Reason reason) {
        return switch (reason) {
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case BAD_REQUEST -> 400;
        };
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }
}
