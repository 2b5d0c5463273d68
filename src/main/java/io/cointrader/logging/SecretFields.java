package io.cointrader.logging;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the values of JSON and {@code key=value} / {@code key: value} fields whose name ends like a
 * secret's ({@code access_key}, {@code UPBIT_SECRET_KEY}, {@code "refresh_token"}, {@code apiKey},
 * {@code x-api-key}, {@code password}, ...), keeping the name. A quoted value keeps its quotes; a
 * bare value after a JSON (double-quoted) name becomes {@code "***"} so JSON stays JSON.
 *
 * <p>A name is a run of word characters and hyphens right before an optional closing quote and the
 * {@code :} or {@code =}. The text is scanned for separators rather than matched with one
 * alternation at every word, which was an order of magnitude slower.
 */
final class SecretFields {

    /** Name endings, lower case, without '_' and '-' (so api_key, api-key and apiKey all match). */
    private static final List<String> SECRET_NAME_ENDINGS = List.of(
            "accesskey",
            "secretkey",
            "apikey",
            "privatekey",
            "masterkey",
            "mastercode",
            "secret",
            "token",
            "password",
            "passwd",
            "passphrase",
            "webhookurl",
            "authorization",
            "codeverifier");

    private static final Pattern VALUE =
            Pattern.compile("\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"?" + "|'(?:[^'\\\\\\r\\n]|\\\\.)*'?" + "|[^\\s,;&\"'}\\]]+");

    private SecretFields() {}

    static String mask(String text) {
        StringBuilder out = null;
        Matcher value = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c != ':' && c != '=') || !followsSecretName(text, i, copied)) {
                i++;
                continue;
            }
            int valueStart = skipBlanks(text, i + 1);
            if (value == null) {
                value = VALUE.matcher(text);
            }
            value.region(valueStart, text.length());
            if (!value.lookingAt()) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, valueStart).append(masked(value.group(), quoteBefore(text, i)));
            copied = value.end();
            i = copied;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Whether the separator at {@code separator} ends a secret-like name starting at or after {@code floor}. */
    private static boolean followsSecretName(String text, int separator, int floor) {
        int keyEnd = skipBlanksBackwards(text, separator);
        if (isQuote(text, keyEnd - 1)) {
            keyEnd--;
        }
        int keyStart = keyEnd;
        while (keyStart > 0 && isNameChar(text.charAt(keyStart - 1))) {
            keyStart--;
        }
        if (keyStart == keyEnd || keyStart < floor) {
            return false;
        }
        String name = text.substring(keyStart, keyEnd)
                .replace("_", "")
                .replace("-", "")
                .toLowerCase(Locale.ROOT);
        for (String ending : SECRET_NAME_ENDINGS) {
            if (name.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static char quoteBefore(String text, int separator) {
        int keyEnd = skipBlanksBackwards(text, separator);
        return isQuote(text, keyEnd - 1) ? text.charAt(keyEnd - 1) : 0;
    }

    private static String masked(String value, char keyQuote) {
        if (value.startsWith("\"") || keyQuote == '"') {
            return '"' + Redactor.MASK + '"';
        }
        if (value.startsWith("'")) {
            return '\'' + Redactor.MASK + '\'';
        }
        return Redactor.MASK;
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipBlanksBackwards(String text, int before) {
        int i = before;
        while (i > 0 && isBlank(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isQuote(String text, int index) {
        return index >= 0 && (text.charAt(index) == '"' || text.charAt(index) == '\'');
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
