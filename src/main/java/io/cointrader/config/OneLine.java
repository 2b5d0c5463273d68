package io.cointrader.config;

/** Makes user-supplied text safe to show inside a one-line message. */
final class OneLine {

    private static final int MAX_QUOTED = 60;

    private OneLine() {}

    /** Escapes every control and line-breaking character so the text cannot span lines. */
    static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (breaksLine(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** A non-secret value quoted for a message: escaped and cut to a readable length. */
    static String quote(String value) {
        String shown = value;
        if (shown.codePointCount(0, shown.length()) > MAX_QUOTED) {
            shown = shown.substring(0, shown.offsetByCodePoints(0, MAX_QUOTED)) + "...";
        }
        return "'" + of(shown) + "'";
    }

    private static boolean breaksLine(int cp) {
        return Character.isISOControl(cp)
                || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR;
    }
}
