package io.cointrader.web;

import io.cointrader.core.Symbol;
import io.javalin.http.Context;
import java.util.Collection;
import java.util.regex.Pattern;

/** Reads and checks query parameters; a bad value is a {@code 400} with a one-line reason. */
final class QueryParams {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");
    private static final int MAX_ECHO = 40;

    private QueryParams() {}

    /** The integer {@code name} from {@code min} to {@code max}, or {@code fallback} when absent. */
    static int integer(Context ctx, String name, int min, int max, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        String trimmed = text.trim();
        if (INTEGER.matcher(trimmed).matches()) {
            long value = Long.parseLong(trimmed);
            if (value >= min && value <= max) {
                return (int) value;
            }
        }
        throw new WebError(400, name + " must be an integer from " + min + " to " + max);
    }

    /** {@code name} when it is one of {@code allowed}, null when absent. */
    static String choice(Context ctx, String name, Collection<String> allowed) {
        String text = ctx.queryParam(name);
        if (text == null || allowed.contains(text)) {
            return text;
        }
        throw new WebError(400, name + " must be one of " + String.join(", ", allowed));
    }

    /**
     * The symbol {@code name} ({@code BTC/KRW}), which must be one of {@code known}; {@code fallback}
     * when absent.
     */
    static Symbol symbol(Context ctx, String name, Collection<Symbol> known, Symbol fallback) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        Symbol symbol;
        try {
            symbol = Symbol.parse(text);
        } catch (IllegalArgumentException e) {
            throw new WebError(400, name + " must be a pair such as BTC/KRW");
        }
        if (!known.contains(symbol)) {
            throw new WebError(400, "unknown " + name + " " + echo(symbol.toString()));
        }
        return symbol;
    }

    private static String echo(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }
}
