package io.cointrader.backtest;

/** The candles asked for cannot be used: missing, malformed, or not of the interval asked for. */
public class BacktestDataException extends RuntimeException {

    public BacktestDataException(String message) {
        super(message);
    }

    public BacktestDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
