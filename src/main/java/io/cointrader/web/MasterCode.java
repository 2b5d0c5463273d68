package io.cointrader.web;

import io.cointrader.core.Secret;
import java.security.MessageDigest;

/**
 * The dashboard's master code, kept only as its SHA-256 digest; a typed code is digested and compared in
 * constant time, so neither the code's length nor a matching prefix shows in the answer time.
 */
final class MasterCode {

    private final byte[] digest;

    private MasterCode(byte[] digest) {
        this.digest = digest;
    }

    static MasterCode of(Secret code) {
        return new MasterCode(SecurityTokens.sha256(code.reveal()));
    }

    boolean matches(String typed) {
        return MessageDigest.isEqual(digest, SecurityTokens.sha256(typed));
    }

    @Override
    public String toString() {
        return "***";
    }
}
