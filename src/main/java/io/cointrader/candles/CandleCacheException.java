package io.cointrader.candles;

/** The candle cache file could not be opened, read or written. */
public class CandleCacheException extends RuntimeException {

    public CandleCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
