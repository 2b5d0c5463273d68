package io.cointrader.execution;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Deterministic ids. An intent id is derived from (strategy, symbol, side, opening time of the newest
 * candle), so repeated signals within one candle are one intent. The client order id (Upbit {@code
 * identifier}) is a hash of the intent id salted with this installation's id, so two databases never
 * reuse an identifier the exchange has already consumed. Client order ids use only {@code [a-z0-9-]}.
 */
public final class IntentIds {

    private final String installationId;

    public IntentIds(String installationId) {
        this.installationId = Objects.requireNonNull(installationId, "installationId");
    }

    public static String intentId(String strategy, Symbol symbol, Side side, Instant candleTime) {
        return strategy + "|" + symbol + "|" + side + "|" + candleTime;
    }

    public String clientOrderId(String intentId) {
        return "ct-" + sha256Hex(installationId + "|" + intentId).substring(0, 32);
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
