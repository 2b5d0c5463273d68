package io.cointrader.security;

import io.cointrader.core.Secret;
import java.nio.file.Path;

/**
 * The key file cannot be read or written, or the keys could not be entered. The message is one
 * line meant for the user; it names the file and what to do, and never contains the master key,
 * the API keys or anything decrypted.
 */
public final class KeyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KeyFileException(String message) {
        super(message);
    }

    KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }

    static KeyFileException missing(Path file) {
        return new KeyFileException(
                "no key file at " + file + "; create it with 'trader encrypt-keys --exchange upbit'");
    }

    static KeyFileException wrongMasterKey(Path file) {
        return new KeyFileException(
                "the master key does not decrypt " + file + " (wrong key, or the file was changed)");
    }

    static KeyFileException notAKeyFile(Path file) {
        return new KeyFileException(file + " is not a coin-trader or original key file");
    }

    static KeyFileException damaged(Path file, String what) {
        return new KeyFileException(file + " is damaged (" + what + ")");
    }

    static KeyFileException newerVersion(Path file, int version) {
        return new KeyFileException(
                file + " was written by a newer coin-trader (key file version " + version + "); upgrade to read it");
    }

    static KeyFileException tooOpen(Path file, String permissions) {
        return new KeyFileException(file + " can be read or changed by other users (" + permissions
                + "); run 'chmod 600 " + file + "' and try again");
    }

    /** Maps a refused token to the user's error; a signature mismatch means a wrong master key. */
    static KeyFileException refused(InvalidTokenException e, Path file, Secret masterKey) {
        return switch (e.reason()) {
            case SIGNATURE_MISMATCH -> {
                String master = masterKey.reveal();
                yield master.equals(master.strip())
                        ? wrongMasterKey(file)
                        : new KeyFileException(wrongMasterKey(file).getMessage()
                                + "; note that the given master key begins or ends with whitespace");
            }
            case MALFORMED -> damaged(file, "the encrypted token is malformed");
            case UNDECRYPTABLE, OUT_OF_TIME -> damaged(file, "the encrypted token does not decrypt");
        };
    }

    static KeyFileException io(String action, Path file, Exception cause) {
        return new KeyFileException(
                "cannot " + action + " " + file + " (" + cause.getClass().getSimpleName() + ")", cause);
    }
}
