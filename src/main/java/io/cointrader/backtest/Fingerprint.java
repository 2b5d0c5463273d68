package io.cointrader.backtest;

import io.cointrader.core.Fill;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * SHA-256 over the fills of a run, so two runs can be compared by one short string: equal fills in
 * the same order give the same fingerprint; any changed, added, removed or reordered fill gives
 * another. Each fill is one line {@code epochMillis|symbol|side|price|quantity|fee} with the
 * numbers as plain decimals without trailing zeros (so {@code 1.50} and {@code 1.5} are equal).
 * Fill ids and order ids are left out: they name fills, they do not change what was traded.
 *
 * @param hex the 64 lower-case hex digits
 */
public record Fingerprint(String hex) {

    public Fingerprint {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits, got " + hex);
        }
    }

    public static Fingerprint of(List<Fill> fills) {
        MessageDigest sha256 = sha256();
        for (Fill fill : fills) {
            sha256.update(line(fill).getBytes(StandardCharsets.UTF_8));
        }
        return new Fingerprint(HexFormat.of().formatHex(sha256.digest()));
    }

    /** The first 16 hex digits, for printing. */
    public String shortHex() {
        return hex.substring(0, 16);
    }

    /** The canonical line of one fill, newline included. */
    static String line(Fill fill) {
        return fill.time().toEpochMilli()
                + "|" + fill.symbol()
                + "|" + fill.side().name()
                + "|" + plain(fill.price())
                + "|" + plain(fill.quantity())
                + "|" + plain(fill.fee())
                + "\n";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
