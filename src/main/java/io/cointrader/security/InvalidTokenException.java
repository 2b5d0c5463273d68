package io.cointrader.security;

/**
 * A Fernet token that cannot be accepted: not base64url, wrong version, too short, a signature that
 * does not match, bad padding, or (only when a time-to-live is asked for) too old or from the
 * future. The message is a short fixed phrase and never contains the token, the key or the
 * plaintext.
 */
public final class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /** Why a token was refused; lets callers tell a wrong key from a damaged token. */
    public enum Reason {
        /** Not a well-formed token: encoding, version byte or length. */
        MALFORMED,
        /** The HMAC does not match: a different key, or the token was changed. */
        SIGNATURE_MISMATCH,
        /** Signed with this key but the ciphertext does not decrypt to a padded message. */
        UNDECRYPTABLE,
        /** Older than the time-to-live, or stamped too far in the future. */
        OUT_OF_TIME
    }

    InvalidTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
