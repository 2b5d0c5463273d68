package io.cointrader.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A trading pair written {@code BASE/QUOTE}, e.g. {@code BTC/KRW}. Upbit calls the same pair {@code
 * KRW-BTC} (see {@link #marketCode()}). A ccxt-style settlement suffix ({@code BTC/USDT:USDT}) marks a
 * derivative contract.
 */
public record Symbol(String base, String quote, String settle) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,15}");

    public Symbol {
        requireCode(base, "base");
        requireCode(quote, "quote");
        if (settle != null) {
            requireCode(settle, "settle");
        }
    }

    public Symbol(String base, String quote) {
        this(base, quote, null);
    }

    /**
     * Parses {@code BASE/QUOTE} (or {@code BASE/QUOTE:SETTLE}); case-insensitive, surrounding blanks
     * ignored.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Symbol parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("symbol is missing");
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        String settle = null;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            settle = t.substring(colon + 1);
            t = t.substring(0, colon);
        }
        int slash = t.indexOf('/');
        if (slash <= 0 || slash != t.lastIndexOf('/') || slash == t.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not of the form BASE/QUOTE, e.g. BTC/KRW");
        }
        return new Symbol(t.substring(0, slash), t.substring(slash + 1), settle);
    }

    /** Parses an Upbit market code {@code QUOTE-BASE}, e.g. {@code KRW-BTC}. */
    public static Symbol fromMarketCode(String code) {
        int dash = code == null ? -1 : code.indexOf('-');
        if (dash <= 0 || dash == code.length() - 1) {
            throw new IllegalArgumentException("'" + code + "' is not an Upbit market code such as KRW-BTC");
        }
        return new Symbol(code.substring(dash + 1), code.substring(0, dash));
    }

    /** The Upbit market code, {@code QUOTE-BASE}. */
    public String marketCode() {
        return quote + "-" + base;
    }

    /** True for a futures or perpetual contract (a settlement currency is named). */
    public boolean isDerivative() {
        return settle != null;
    }

    @Override
    public String toString() {
        return settle == null ? base + "/" + quote : base + "/" + quote + ":" + settle;
    }

    private static void requireCode(String value, String part) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "symbol " + part + " '" + value + "' must be 1-15 upper-case letters or digits");
        }
    }
}
