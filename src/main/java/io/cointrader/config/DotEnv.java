package io.cointrader.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file the way the original system's python-dotenv did: {@code KEY=VALUE}
 * lines, {@code #} comments, blank lines, an optional {@code export } prefix, single-quoted
 * (literal) or double-quoted (with {@code \n}, {@code \"} and similar escapes) values, and inline
 * {@code  #} comments after unquoted values. A malformed line is an error naming its number; the
 * line's content is never shown, since it may hold a secret.
 */
public final class DotEnv {

    static final String ALLOWED = "KEY=VALUE lines, # comments, blank lines, an optional 'export ' prefix,"
            + " values in single or double quotes closed on the same line";

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s#");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private DotEnv() {}

    /**
     * Parses {@code .env} text. Later lines win over earlier ones for the same key, compared
     * case-insensitively; the result keeps the spelling of the winning line, in file order.
     *
     * @throws ConfigException for a malformed line
     */
    public static Map<String, String> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Map<String, String> byUpperKey = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        String[] lines = LINE_BREAK.split(body, -1);
        for (int i = 0; i < lines.length; i++) {
            Map.Entry<String, String> entry = parseLine(lines[i], i + 1);
            if (entry != null) {
                String upper = entry.getKey().toUpperCase(Locale.ROOT);
                byUpperKey.remove(upper);
                byUpperKey.put(upper, entry.getValue());
                spelling.put(upper, entry.getKey());
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        byUpperKey.forEach((upper, value) -> result.put(spelling.get(upper), value));
        return Collections.unmodifiableMap(result);
    }

    /**
     * Reads and parses a {@code .env} file as UTF-8; an absent file is an empty map.
     *
     * @throws ConfigException when the file cannot be read or is malformed
     */
    public static Map<String, String> read(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        String allowed = "a readable UTF-8 text file of " + ALLOWED;
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(".env", file + " is not a regular file", allowed);
        }
        try {
            return parse(Files.readString(file));
        } catch (CharacterCodingException e) {
            throw new ConfigException(".env", file + " is not valid UTF-8 text", allowed);
        } catch (IOException e) {
            throw new ConfigException(
                    ".env", file + " could not be read (" + e.getClass().getSimpleName() + ")", allowed);
        }
    }

    private static Map.Entry<String, String> parseLine(String line, int number) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return null;
        }
        if (t.startsWith("export ") || t.startsWith("export\t")) {
            t = t.substring("export".length()).strip();
        }
        int eq = t.indexOf('=');
        if (eq < 0) {
            throw new ConfigException(".env", "line " + number + " is not of the form KEY=VALUE", ALLOWED);
        }
        String key = t.substring(0, eq).strip();
        if (!KEY.matcher(key).matches()) {
            throw new ConfigException(".env", "line " + number + " has an invalid variable name", ALLOWED);
        }
        return Map.entry(key, value(t.substring(eq + 1), key, number));
    }

    private static String value(String rest, String key, int number) {
        String v = rest.stripLeading();
        if (v.startsWith("\"") || v.startsWith("'")) {
            return quoted(v, key, number);
        }
        Matcher comment = INLINE_COMMENT.matcher(rest);
        String unquoted = comment.find() ? rest.substring(0, comment.start()) : rest;
        return unquoted.strip();
    }

    private static String quoted(String v, String key, int number) {
        char quote = v.charAt(0);
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (i < v.length() && v.charAt(i) != quote) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(i + 1);
                String unescaped = quote == '"' ? doubleQuoteEscape(next) : singleQuoteEscape(next);
                if (unescaped != null) {
                    out.append(unescaped);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        String kind = quote == '"' ? "double" : "single";
        if (i >= v.length()) {
            throw malformed(key, number, "has an unterminated " + kind + " quote");
        }
        String after = v.substring(i + 1).strip();
        if (!after.isEmpty() && !after.startsWith("#")) {
            throw malformed(key, number, "has text after the closing " + kind + " quote");
        }
        return out.toString();
    }

    private static String doubleQuoteEscape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case '"' -> "\"";
            case '\'' -> "'";
            case '\\' -> "\\";
            default -> null;
        };
    }

    private static String singleQuoteEscape(char c) {
        return switch (c) {
            case '\'' -> "'";
            case '\\' -> "\\";
            default -> null;
        };
    }

    private static ConfigException malformed(String key, int number, String problem) {
        return new ConfigException(key, ".env line " + number + " " + problem, ALLOWED);
    }
}
