package io.cointrader.exchange.replay;

/**
 * Replay history could not be loaded: a missing or malformed file, an unusable name, or series
 * that do not fit together. The message names the file (and line) at fault.
 */
public class ReplayDataException extends RuntimeException {

    public ReplayDataException(String message) {
        super(message);
    }

    public ReplayDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
