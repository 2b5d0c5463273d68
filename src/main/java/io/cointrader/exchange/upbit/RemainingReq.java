package io.cointrader.exchange.upbit;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code Remaining-Req: group=candles; min=600; sec=9} response header. {@code min} is deprecated
 * and fixed by Upbit, so only {@code group} and {@code sec} are kept.
 *
 * @param group group name as the server spells it
 * @param secondsLeft requests left in the current second, if stated
 */
record RemainingReq(String group, OptionalInt secondsLeft) {

    static Optional<RemainingReq> parse(String header) {
        if (header == null || header.length() > 200) {
            return Optional.empty();
        }
        String group = null;
        OptionalInt sec = OptionalInt.empty();
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equalsIgnoreCase("group") && !value.isEmpty()) {
                group = value;
            } else if (key.equalsIgnoreCase("sec")) {
                sec = parseCount(value);
            }
        }
        return group == null && sec.isEmpty() ? Optional.empty() : Optional.of(new RemainingReq(group, sec));
    }

    private static OptionalInt parseCount(String value) {
        if (value.isEmpty() || value.length() > 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value));
    }
}
