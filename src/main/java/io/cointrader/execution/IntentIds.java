package io.cointrader.execution;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic ids. An intent id is derived from (strategy, symbol, side, opening time of the newest
 * candle), so repeated signals within one candle are one intent; an order placed again after its
 * predecessor timed out adds the attempt number. The client order id (Upbit {@code identifier}) is a
 * hash of the intent id salted with this installation's id, behind a prefix of this installation's own:
 * two databases never reuse an identifier the exchange has already consumed, and an order of this
 * installation that the database does not know (created late by the exchange, say) is recognised by
 * its prefix. Client order ids use only {@code [a-z0-9-]}.
 */
public final class IntentIds {

    private static final Pattern ATTEMPT = Pattern.compile("^(.*)\\|attempt-(\\d{1,6})$");

    private final String installationId;
    private final String prefix;

    public IntentIds(String installationId) {
        this.installationId = Objects.requireNonNull(installationId, "installationId");
        this.prefix = "ct-" + sha256Hex(installationId).substring(0, 8) + "-";
    }

    public static String intentId(String strategy, Symbol symbol, Side side, Instant candleTime) {
        return strategy + "|" + symbol + "|" + side + "|" + candleTime;
    }

    /**
     * The id of the next attempt after {@code intentId}: {@code <first attempt's id>|attempt-2} after
     * the first attempt, {@code |attempt-3} after the second, and so on.
     */
    public static String nextAttempt(String intentId) {
        Matcher m = ATTEMPT.matcher(intentId);
        if (m.matches()) {
            return m.group(1) + "|attempt-" + (Integer.parseInt(m.group(2)) + 1);
        }
        return intentId + "|attempt-2";
    }

    /** The attempt {@code intentId} stands for: 1 for a first attempt. */
    public static int attemptOf(String intentId) {
        Matcher m = ATTEMPT.matcher(intentId);
        return m.matches() ? Integer.parseInt(m.group(2)) : 1;
    }

    public String clientOrderId(String intentId) {
        return prefix + sha256Hex(installationId + "|" + intentId).substring(0, 32);
    }

    /** What every client order id of this installation starts with. */
    public String prefix() {
        return prefix;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
