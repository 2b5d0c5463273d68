package io.cointrader.candles;

/**
 * A download stopped before it finished (network, Upbit error, an HTTP 418 block). Every page that
 * arrived before it is kept in the cache, so running the same download again continues from there.
 */
public class CandleDownloadException extends RuntimeException {

    public CandleDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
